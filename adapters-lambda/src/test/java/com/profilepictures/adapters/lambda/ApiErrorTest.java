package com.profilepictures.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.profilepictures.adapters.lambda.testing.ContractErrorTable;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * That every kind of failure has a code of its own the compiler checks ({@link ApiError#of}'s switch); that
 * the codes are the contract's, this does.
 */
class ApiErrorTest {

    @Test
    void givenEveryApiError_itsCode_isInTheContractsTableWithTheSameStatus() {
        Map<String, Integer> contract = ContractErrorTable.read(ContractErrorTable.contract());

        for (ApiError error : ApiError.values()) {
            assertEquals(contract.get(error.code()), error.status(), error.code() + " in docs/API.md's error table");
        }
    }
}
