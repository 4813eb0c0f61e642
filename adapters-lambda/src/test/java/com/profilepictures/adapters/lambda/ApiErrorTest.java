package com.profilepictures.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.adapters.lambda.testing.ContractErrorTable;
import com.profilepictures.domain.port.ArchiveUnavailableException;
import com.profilepictures.domain.port.PictureHostUnavailableException;
import com.profilepictures.domain.port.ScraperUnavailableException;
import com.profilepictures.domain.port.StorageUnavailableException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * That every kind of failure has a code of its own the compiler checks ({@link ApiError#of}'s switch); that
 * the codes are the contract's, this does.
 */
class ApiErrorTest {

    @Test
    void givenEveryDependencysOutage_of_isA5xxWorthAnotherTry() {
        var outages = Stream.of(
                new StorageUnavailableException("down", null),
                new ScraperUnavailableException("down", null),
                new ArchiveUnavailableException("down", null),
                new PictureHostUnavailableException("down", null));

        outages.forEach(outage -> {
            ApiError error = ApiError.of((Throwable) outage);
            assertTrue(error.status() >= 500 && error != ApiError.INTERNAL_ERROR, outage + " is " + error);
        });
        assertEquals(ApiError.INTERNAL_ERROR, ApiError.of(new IllegalStateException("a bug")));
    }

    @Test
    void givenEveryApiError_itsCode_isInTheContractsTableWithTheSameStatus() {
        Map<String, Integer> contract = ContractErrorTable.read(ContractErrorTable.contract());

        for (ApiError error : ApiError.values()) {
            assertEquals(contract.get(error.code()), error.status(), error.code() + " in docs/API.md's error table");
        }
    }
}
