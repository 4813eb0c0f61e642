package com.profilepictures.bench;

import com.profilepictures.adapters.crawler.CrawlerProfilePictureScraper;
import com.profilepictures.adapters.crawler.CrawlerSettings;
import com.profilepictures.adapters.crawler.CrawlerUserAgent;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository;
import com.profilepictures.adapters.dynamodb.DynamoDbRefreshPause;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.adapters.sqs.SqsRefreshQueue;
import com.profilepictures.adapters.sqs.SqsSettings;
import com.profilepictures.adapters.xapi.BearerToken;
import com.profilepictures.adapters.xapi.XApiProfilePictureScraper;
import com.profilepictures.adapters.xapi.XApiSettings;
import com.profilepictures.application.RefreshBatch;
import com.profilepictures.application.RefreshProfilePictures;
import com.profilepictures.application.RefreshSource;
import com.profilepictures.awsclients.CredentialsSource;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageConfiguration;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.refresh.RefreshRequest;
import com.profilepictures.fixturesite.FixtureSite;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The refresh of stored accounts, through the crawler and through X's API each, as one worker's execution
 * environment runs it: {@link RefreshBatch} over {@link RefreshProfilePictures} with the real adapters (the
 * crawler or X's API against the fixture site on loopback, DynamoDB and SQS on the bench's moto), batch by batch
 * at the template's batch sizes (10 with the crawler, 100 with X's API), unpaced (the ceiling on requests to X,
 * {@code RefreshXRequestsPerMinute}, is what bounds it deployed: this measures what one environment can do). A
 * tenth of the accounts changed picture on X. It measures accounts per second, CPU per account (this JVM's
 * threads but the fixture site's), X requests per account, every batch's duration, and how the accounts ended;
 * from those it prices a million refreshes at us-east-1 list prices ({@link RefreshCost}). It fails (exit 1,
 * after writing its rows) when a limit is broken: ≥ {@value #MIN_CRAWLER_ACCOUNTS_PER_SECOND} accounts a second
 * through the crawler, ≤ {@value #MAX_API_REQUESTS_PER_ACCOUNT} requests to X's API per account, ≤ $
 * {@value RefreshCost#MAX_DOLLARS_PER_MILLION} a million, no account a browserless source decides sent to the
 * browser (and no browser page asked for), every changed picture stored and nothing failed. Arguments: results
 * file, accounts per source, the percentage changed.
 */
public final class RefreshBench {

    static final double MIN_CRAWLER_ACCOUNTS_PER_SECOND = 50;
    static final double MAX_API_REQUESTS_PER_ACCOUNT = 0.02;

    private static final int WARM_UP_ACCOUNTS = 200;
    private static final int PARALLELISM = 8; // REFRESH_PARALLELISM's default
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(240);

    private RefreshBench() {}

    /** One source's run: what is measured, and what it must do. */
    private record Side(String name, String prefix, int batchSize, boolean api) {}

    public static void main(String[] args) {
        Path results = Path.of(args[0]);
        int accounts = Integer.parseInt(args[1]);
        int changedPercent = Integer.parseInt(args[2]);
        DynamoDbSettings storage = StorageConfiguration.from(Environment.current());
        URI endpoint = storage.endpoint().orElseThrow(() -> new IllegalStateException("DYNAMODB_ENDPOINT: moto"));
        List<String> broken = new ArrayList<>();
        try (FixtureSite site = FixtureSite.start(CrawlerBench.AVATAR_DELAY);
                DynamoDbClient dynamoDb = DynamoDbClients.create(storage);
                SqsClient sqs = SqsClients.create(new SqsSettings(
                        URI.create(endpoint + "/000000000000/unused"),
                        storage.region(),
                        Optional.of(endpoint),
                        CredentialsSource.DUMMY))) {
            Store store = new Store(dynamoDb, storage.tableName(), sqs);
            for (Side side : List.of(new Side("crawler", "rc", 10, false), new Side("x_api", "ra", 100, true))) {
                broken.addAll(run(results, site, store, side, accounts, changedPercent));
            }
        }
        if (!broken.isEmpty()) {
            System.err.println("The refresh broke its limits:\n  " + String.join("\n  ", broken));
            System.exit(1);
        }
    }

    /** The table, the pause and two queues of the bench's moto. */
    private record Store(DynamoDbClient dynamoDb, String table, SqsClient sqs) {
        DynamoDbProfilePictureRepository repository() {
            return new DynamoDbProfilePictureRepository(dynamoDb, table);
        }

        SqsRefreshQueue queue(String name) {
            return new SqsRefreshQueue(
                    sqs, sqs.createQueue(request -> request.queueName(name)).queueUrl());
        }

        int waiting(String name) {
            String url = sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
            return Integer.parseInt(sqs.getQueueAttributes(
                            request -> request.queueUrl(url).attributeNamesWithStrings("ApproximateNumberOfMessages"))
                    .attributesAsStrings()
                    .get("ApproximateNumberOfMessages"));
        }
    }

    private static List<String> run(Path results, FixtureSite site, Store store, Side side, int accounts, int pct) {
        var repository = store.repository();
        String againQueue = "bench-refresh-" + side.name();
        String browserQueue = "bench-refresh-browser-" + side.name();
        RefreshSource source = side.api()
                ? RefreshSource.xApi(new XApiProfilePictureScraper(
                        XApiSettings.of(site.baseUrl(), BearerToken.of(FixtureSite.X_API_TOKEN)), Clock.systemUTC()))
                : RefreshSource.crawler(new CrawlerProfilePictureScraper(
                        CrawlerSettings.of(site.baseUrl(), CrawlerUserAgent.ofThisService())));
        IntSupplier xRequests = side.api() ? () -> site.xApiRequests().size() : site::pageRequestCount;
        try (RefreshProfilePictures refresh = new RefreshProfilePictures(
                source,
                new DynamoDbRefreshPause(store.dynamoDb(), store.table()),
                repository,
                Clock.systemUTC(),
                PARALLELISM,
                BATCH_TIMEOUT,
                Duration.ofMinutes(5))) {
            RefreshBatch batch =
                    new RefreshBatch(refresh, store.queue(againQueue), store.queue(browserQueue), Clock.systemUTC(), 6);
            List<Handle> warmUp = stored(repository, side.prefix() + "w", WARM_UP_ACCOUNTS);
            List<Handle> measured = stored(repository, side.prefix(), accounts);
            int changed = 0;
            for (int i = 0; i < measured.size(); i += 100 / pct) {
                site.changePicture(measured.get(i).key());
                changed++;
            }
            process(batch, warmUp, side.batchSize(), new ArrayList<>(), new EnumMap<>(RefreshBatch.Outcome.class));

            int requestsBefore = xRequests.getAsInt();
            Map<Long, Long> cpuBefore = cpuByThread();
            List<Double> batchMs = new ArrayList<>();
            Map<RefreshBatch.Outcome, Integer> outcomes = new EnumMap<>(RefreshBatch.Outcome.class);
            long started = System.nanoTime();
            process(batch, measured, side.batchSize(), batchMs, outcomes);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuMs = cpuSince(cpuBefore) / 1e6;
            int requests = xRequests.getAsInt() - requestsBefore;
            int browserPages = measured.stream()
                    .mapToInt(handle -> site.browserPageRequestsFor(handle.key()))
                    .sum();
            int toBrowser = store.waiting(browserQueue);

            double perSecond = accounts / seconds;
            double requestsPerAccount = (double) requests / accounts;
            RefreshCost cost = RefreshCost.of(side.batchSize(), accounts, batchMs, outcomes);
            String name = side.name();
            Tsv.append(results, "refresh-accounts-per-second", name, "accounts/s", one(perSecond));
            Tsv.append(
                    results,
                    "refresh-batch-duration",
                    name + ", " + side.batchSize() + " a batch",
                    "ms",
                    Stats.of(batchMs));
            Tsv.append(results, "refresh-cpu-per-account", name, "ms", one(cpuMs / accounts));
            Tsv.append(results, "refresh-x-requests-per-account", name, "requests", one(requestsPerAccount));
            Tsv.append(results, "refresh-cost-per-million", name, "$", one(cost.total()));
            cost.parts()
                    .forEach((part, dollars) ->
                            Tsv.append(results, "refresh-cost-part", name + ": " + part, "$", one(dollars)));
            for (RefreshBatch.Outcome outcome : RefreshBatch.Outcome.values()) {
                Tsv.append(
                        results,
                        "refresh-outcome",
                        name + ": " + outcome.wireName(),
                        "accounts",
                        one(outcomes.getOrDefault(outcome, 0)));
            }
            Tsv.append(
                    results,
                    "refresh-browser",
                    name + ": sent to the browser's queue, browser page loads",
                    "accounts",
                    one(toBrowser + browserPages));

            List<String> broken = new ArrayList<>();
            if (!side.api() && perSecond < MIN_CRAWLER_ACCOUNTS_PER_SECOND) {
                broken.add(String.format(
                        Locale.ROOT, "crawler: %.1f accounts/s < %.0f", perSecond, MIN_CRAWLER_ACCOUNTS_PER_SECOND));
            }
            if (side.api() && requestsPerAccount > MAX_API_REQUESTS_PER_ACCOUNT) {
                broken.add(String.format(
                        Locale.ROOT,
                        "x_api: %.3f requests per account > %.2f",
                        requestsPerAccount,
                        MAX_API_REQUESTS_PER_ACCOUNT));
            }
            if (cost.total() > RefreshCost.MAX_DOLLARS_PER_MILLION) {
                broken.add(String.format(
                        Locale.ROOT,
                        "%s: $%.2f a million > $%.2f",
                        name,
                        cost.total(),
                        RefreshCost.MAX_DOLLARS_PER_MILLION));
            }
            if (toBrowser + browserPages > 0 || outcomes.getOrDefault(RefreshBatch.Outcome.NEEDS_BROWSER, 0) > 0) {
                broken.add(name + ": " + toBrowser + " accounts sent to the browser, " + browserPages
                        + " browser page loads, for accounts a browserless source decides");
            }
            if (outcomes.getOrDefault(RefreshBatch.Outcome.REFRESHED, 0) != changed
                    || outcomes.getOrDefault(RefreshBatch.Outcome.UNCHANGED, 0) != accounts - changed) {
                broken.add(name + ": " + outcomes + ", not " + changed + " refreshed and the rest unchanged");
            }
            return broken;
        }
    }

    /** {@code count} accounts stored as X shows them now, first seen a day ago. */
    private static List<Handle> stored(DynamoDbProfilePictureRepository repository, String prefix, int count) {
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        return IntStream.range(0, count)
                .mapToObj(i -> {
                    String key = prefix + String.format(Locale.ROOT, "%04d", i);
                    Handle handle = Handle.of(FixtureSite.canonicalSpellingOf(key));
                    repository.saveIfNewer(
                            new ProfilePicture(handle, PictureUrl.of(FixtureSite.pictureUrlOf(key)), dayAgo));
                    return handle;
                })
                .toList();
    }

    /** The accounts, batch by batch as the queue's mapping hands them over, each batch timed. */
    private static void process(
            RefreshBatch batch,
            List<Handle> accounts,
            int batchSize,
            List<Double> batchMs,
            Map<RefreshBatch.Outcome, Integer> outcomes) {
        for (int from = 0; from < accounts.size(); from += batchSize) {
            List<RefreshRequest> requests = accounts.subList(from, Math.min(accounts.size(), from + batchSize)).stream()
                    .map(RefreshRequest::first)
                    .toList();
            long start = System.nanoTime();
            RefreshBatch.Done done = batch.process(requests);
            batchMs.add((System.nanoTime() - start) / 1e6);
            done.outcomes().forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum));
        }
    }

    private static Stats one(double value) {
        return new Stats(1, value, value, value);
    }

    // This JVM's threads' CPU, but the fixture site's (X's side of the exchange).
    private static Map<Long, Long> cpuByThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null
                    && !info.getThreadName().startsWith("fixture-site")
                    && !info.getThreadName().startsWith("HTTP-Dispatcher")) {
                cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    private static long cpuSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : cpuByThread().entrySet()) {
            if (now.getValue() > 0) {
                total += now.getValue() - Math.max(0, before.getOrDefault(now.getKey(), 0L));
            }
        }
        return total;
    }
}
