package com.profilepictures.adapters.sqs;

import com.profilepictures.awsclients.AwsClientsContract;
import java.net.URI;
import java.time.Duration;

class SqsClientsTest extends AwsClientsContract {

    SqsClientsTest() {
        super(
                Duration.ofSeconds(8),
                (region, endpoint, credentials) -> SqsClients.create(new SqsSettings(
                        URI.create("http://127.0.0.1:4566/000000000000/refresh"), region, endpoint, credentials)));
    }
}
