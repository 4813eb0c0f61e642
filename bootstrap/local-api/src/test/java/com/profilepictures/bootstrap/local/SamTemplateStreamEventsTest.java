package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local API reads a function's DynamoDB stream events from the template as Lambda's event source mapping would. */
class SamTemplateStreamEventsTest {

    /** Two functions reading the pictures table's stream, one with every mapping setting and one with the defaults. */
    private static final String TEMPLATE = """
                Globals:
                  Function:
                    Environment:
                      Variables:
                        TABLE_NAME: !Ref PicturesTable
                Resources:
                  PicturesTable:
                    Type: AWS::DynamoDB::Table
                  ArchiveFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.Archive
                      Events:
                        Stream:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt PicturesTable.StreamArn
                            StartingPosition: TRIM_HORIZON
                            BatchSize: 25
                            MaximumRetryAttempts: 4
                            BisectBatchOnFunctionError: true
                            FunctionResponseTypes:
                              - ReportBatchItemFailures
                  OtherFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.Other::handle
                      Events:
                        Stream:
                          Type: DynamoDB
                          Properties:
                            Stream:
                              Fn::GetAtt: [PicturesTable, StreamArn]
                            StartingPosition: LATEST
                """;

    @Test
    void readsEachStreamEventWithItsTableAndMappingSettings(@TempDir Path dir) throws Exception {
        SamTemplate template = SamTemplate.load(write(dir, TEMPLATE));

        assertEquals(
                List.of(
                        new StreamEvent(
                                "ArchiveFunction",
                                "PicturesTable",
                                "com.example.Archive",
                                "handleRequest",
                                "TRIM_HORIZON",
                                25,
                                4,
                                true,
                                true,
                                Optional.empty()),
                        new StreamEvent(
                                "OtherFunction",
                                "PicturesTable",
                                "com.example.Other",
                                "handle",
                                "LATEST",
                                100,
                                -1,
                                false,
                                false,
                                Optional.empty())),
                template.streamEvents());
        assertEquals(Optional.of("TABLE_NAME"), template.variableNaming("PicturesTable"));
        assertEquals(Optional.empty(), template.variableNaming("ArchiveFunction"));
    }

    @Test
    void aStreamThatIsNoTablesStreamIsRefused(@TempDir Path dir) throws Exception {
        SamTemplate template = SamTemplate.load(write(
                dir,
                TEMPLATE.replace(
                        "Stream: !GetAtt PicturesTable.StreamArn",
                        "Stream: arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/x")));

        assertThrows(IllegalArgumentException.class, template::streamEvents);
    }

    private static Path write(Path dir, String yaml) throws Exception {
        return Files.writeString(dir.resolve("template.yaml"), yaml);
    }
}
