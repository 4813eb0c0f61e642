package com.profilepictures.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.bench.cold.ProxyEventFile;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.PlainContext;
import com.profilepictures.bootstrap.StorageConfiguration;
import com.profilepictures.bootstrap.read.GetProfilePictureFunction;
import com.profilepictures.bootstrap.read.ListProfilePicturesFunction;
import com.profilepictures.domain.page.PageRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Warm latency of the read functions' entry classes, called in-process as a warm Lambda calls them,
 * against the raw SDK call each one makes, with a client built by the same DynamoDbClients.create from
 * the same environment. The handler's log line is built in full and then discarded, as Lambda's log
 * transport is not ours.
 *
 * <p>Each handler and its raw call form one asymmetric JMH group: one thread each, in the same JVM, in the
 * same iterations, so both see the same moto_server at the same moment. Run one after the other, they
 * would not: moto's latency drifts by a factor of several with the machine's load, and that drift would
 * land in the ratio.
 *
 * <p>System properties: {@code bench.events} (folder of the events), {@code bench.key} (the GET item's key).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class WarmReadBenchmark {

    private GetProfilePictureFunction getProfilePicture;
    private ListProfilePicturesFunction listProfilePictures;
    private APIGatewayProxyRequestEvent getEvent;
    private APIGatewayProxyRequestEvent listEvent;
    private PlainContext context;
    private DynamoDbClient raw;
    private GetItemRequest getItem;
    private ScanRequest scan;

    @Setup(Level.Trial)
    public void setUp() {
        Path events = Path.of(System.getProperty("bench.events", "bench/events"));
        getEvent = ProxyEventFile.read(events.resolve("get-profile-pic.json"));
        listEvent = ProxyEventFile.read(events.resolve("list-users.json"));
        context = new PlainContext("warm", "bench", 29_000);
        getProfilePicture = new GetProfilePictureFunction();
        listProfilePictures = new ListProfilePicturesFunction();
        DynamoDbSettings storage = StorageConfiguration.from(Environment.current());
        raw = DynamoDbClients.create(storage);
        // The very requests the repository makes: consistent reads, the default page of GET /users.
        getItem = GetItemRequest.builder()
                .tableName(storage.tableName())
                .key(Map.of("handle_key", AttributeValue.fromS(System.getProperty("bench.key", "bench00"))))
                .consistentRead(true)
                .build();
        scan = ScanRequest.builder()
                .tableName(storage.tableName())
                .limit(PageRequest.DEFAULT_LIMIT)
                .consistentRead(true)
                .build();
        check(getProfilePictureHandler().getStatusCode() == 200 && rawGetItem().hasItem(), "GET item missing");
        check(
                listProfilePicturesHandler().getStatusCode() == 200 && rawScan().count() == PageRequest.DEFAULT_LIMIT,
                "too few items");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        raw.close();
    }

    @Benchmark
    @Group("get")
    @GroupThreads(1)
    public APIGatewayProxyResponseEvent getProfilePictureHandler() {
        return getProfilePicture.handleRequest(getEvent, context);
    }

    @Benchmark
    @Group("get")
    @GroupThreads(1)
    public GetItemResponse rawGetItem() {
        return raw.getItem(getItem);
    }

    @Benchmark
    @Group("list")
    @GroupThreads(1)
    public APIGatewayProxyResponseEvent listProfilePicturesHandler() {
        return listProfilePictures.handleRequest(listEvent, context);
    }

    @Benchmark
    @Group("list")
    @GroupThreads(1)
    public ScanResponse rawScan() {
        return raw.scan(scan);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("The bench table is not seeded: " + what);
        }
    }
}
