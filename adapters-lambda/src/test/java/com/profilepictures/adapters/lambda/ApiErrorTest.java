package com.profilepictures.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.adapters.lambda.testing.ContractErrorTable;
import com.profilepictures.domain.ScrapeVerdict;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Java 17 has no pattern switch to make the compiler check {@link ApiError#of}; this walk does instead. */
class ApiErrorTest {

    static Stream<Class<?>> everyKindOfFailure() {
        return Stream.of(ScrapeVerdict.Failure.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("everyKindOfFailure")
    void everyKindOfFailureHasACodeOfItsOwn(Class<?> kind) throws ReflectiveOperationException {
        var failure = (ScrapeVerdict.Failure)
                kind.getDeclaredConstructor(String.class).newInstance("detail");

        ApiError error = ApiError.of(failure);

        assertNotEquals(ApiError.INTERNAL_ERROR, error, kind.getSimpleName() + " falls through to internal_error");
        assertTrue(error.status() >= 400 && error.status() < 600);
    }

    @Test
    void everyCodeTheHandlersAnswerIsInTheContractsTableWithTheSameStatus() {
        Map<String, Integer> contract = ContractErrorTable.read(ContractErrorTable.contract());

        for (ApiError error : ApiError.values()) {
            assertEquals(contract.get(error.code()), error.status(), error.code() + " in docs/API.md's error table");
        }
    }
}
