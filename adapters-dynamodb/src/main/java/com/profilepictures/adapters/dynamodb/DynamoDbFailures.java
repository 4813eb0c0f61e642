package com.profilepictures.adapters.dynamodb;

import com.profilepictures.domain.StorageUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** What a failed DynamoDB call means to the caller, for every table this adapter keeps. */
final class DynamoDbFailures {

    private DynamoDbFailures() {}

    /**
     * No answer (timeouts, refused or reset connections), server errors and throttling, all after the client's
     * retries, mean "try again later". Anything else DynamoDB refuses (a missing table, a malformed request,
     * denied access) is a bug or a misconfiguration that waiting will not fix.
     * The message is ours; the SDK's text stays in the cause, for the logs.
     */
    static RuntimeException failure(String tableName, String action, SdkException e) {
        if (isUnavailable(e)) {
            return new StorageUnavailableException(
                    "DynamoDB table " + tableName + " did not answer in time, even after retries, when asked to "
                            + action + ".",
                    e);
        }
        return new IllegalStateException("DynamoDB table " + tableName + " refused to " + action + ".", e);
    }

    private static boolean isUnavailable(SdkException e) {
        if (e instanceof AwsServiceException) {
            AwsServiceException serviceError = (AwsServiceException) e;
            return serviceError.statusCode() >= 500 || serviceError.isThrottlingException();
        }
        return e instanceof SdkClientException;
    }
}
