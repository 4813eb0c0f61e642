package com.profilepictures.awsclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

class SdkFailuresTest {

    private static AwsServiceException answered(int status, String errorCode) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).build())
                .build();
    }

    /** An outage of the test's own kind, so that the test sees which factory was used. */
    private static final class Outage extends RuntimeException {
        Outage(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void givenAServerError_isOutage_isTrue(int status) {
        assertTrue(SdkFailures.isOutage(answered(status, "InternalServerError")));
    }

    @Test
    void givenThrottling_isOutage_isTrue() {
        assertTrue(SdkFailures.isOutage(answered(400, "ThrottlingException")));
        assertTrue(SdkFailures.isOutage(answered(400, "ProvisionedThroughputExceededException")));
        assertTrue(SdkFailures.isOutage(answered(503, "SlowDown")));
    }

    @Test
    void givenNoAnswer_isOutage_isTrue() {
        assertTrue(SdkFailures.isOutage(SdkClientException.create("Connection refused")));
        assertTrue(SdkFailures.isOutage(ApiCallTimeoutException.create(1000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ResourceNotFoundException", "ValidationException", "AccessDenied", "NoSuchBucket"})
    void givenARefusalWaitingWillNotFix_isOutage_isFalse(String errorCode) {
        assertFalse(SdkFailures.isOutage(answered(errorCode.equals("AccessDenied") ? 403 : 400, errorCode)));
        assertFalse(SdkFailures.isOutage(SdkException.create("neither answered nor unanswered", null)));
    }

    @Test
    void givenAnOutage_failure_isTheCallersKindWithOurMessageAndTheSdksCause() {
        SdkClientException refused = SdkClientException.create("Connection refused");

        RuntimeException failure = SdkFailures.failure("S3 bucket pictures", "keep a copy", refused, Outage::new);

        assertInstanceOf(Outage.class, failure);
        assertEquals(
                "S3 bucket pictures did not answer in time, even after retries, when asked to keep a copy.",
                failure.getMessage());
        assertSame(refused, failure.getCause());
    }

    @Test
    void givenARefusal_failure_isAnIllegalState() {
        AwsServiceException missing = answered(400, "ResourceNotFoundException");

        RuntimeException failure = SdkFailures.failure("DynamoDB table pictures", "save", missing, Outage::new);

        assertInstanceOf(IllegalStateException.class, failure);
        assertEquals("DynamoDB table pictures refused to save.", failure.getMessage());
        assertSame(missing, failure.getCause());
    }
}
