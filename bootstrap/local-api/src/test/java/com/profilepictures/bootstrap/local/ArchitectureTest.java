package com.profilepictures.bootstrap.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.adapters.dynamodb.archfixture.RepositoryReadingEnvironment;
import com.profilepictures.adapters.lambda.archfixture.HandlerCallingRepository;
import com.profilepictures.adapters.lambda.archfixture.HandlerUsingBootstrap;
import com.profilepictures.adapters.lambda.archfixture.HandlerUsingRepositoryAdapter;
import com.profilepictures.adapters.selenium.archfixture.ScraperUsingJakartaInject;
import com.profilepictures.adapters.selenium.archfixture.ScraperWiredByDagger;
import com.profilepictures.application.archfixture.UseCaseUsingDynamoDb;
import com.profilepictures.archfixture.cycle.a.A;
import com.profilepictures.archfixture.cycle.b.B;
import com.profilepictures.domain.archfixture.DomainClassUsingGson;
import com.profilepictures.domain.archfixture.PortOutsideThePortPackage;
import com.profilepictures.domain.port.PictureArchive;
import com.profilepictures.domain.port.PictureHistory;
import com.profilepictures.domain.port.PictureHost;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hexagon's shape, enforced: dependencies point inward, adapters stay apart, and only bootstrap
 * knows Dagger and the environment. Each rule is also shown to flag a deliberately bad class kept in
 * these test sources, and to aim at packages that really hold classes, so that no rule passes by
 * checking nothing.
 */
class ArchitectureTest {

    private static final String ROOT = "com.profilepictures";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String APPLICATION = ROOT + ".application..";
    private static final String ADAPTERS = ROOT + ".adapters..";
    private static final String BOOTSTRAP = ROOT + ".bootstrap..";

    /** Production classes of every module; test classes (the bad examples among them) left out. */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Other modules' test-jars (fakes, fixtures) are tests too, wherever Maven resolves them from.
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
            .importPackages(ROOT);

    static final ArchRule DOMAIN_IS_PURE_JAVA = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is plain Java: no library, no framework, no AWS");

    static final ArchRule APPLICATION_KNOWS_ONLY_THE_DOMAIN = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(APPLICATION, DOMAIN, "java..")
            .because("use cases talk to the outside only through the domain's ports");

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices().matching(ROOT + ".adapters.(*)..")
            .should()
            .notDependOnEachOther()
            .because("each adapter plugs into a port; bootstrap alone connects them");

    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that()
            .resideOutsideOfPackage(BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BOOTSTRAP)
            .because("bootstrap is the outermost ring: dependencies point inward");

    static final ArchRule ONLY_BOOTSTRAP_KNOWS_DAGGER = noClasses()
            .that()
            .resideOutsideOfPackage(BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dagger..", "javax.inject..", "jakarta.inject..")
            .because("wiring is bootstrap's job; the other modules use plain constructors");

    static final ArchRule ONLY_BOOTSTRAP_READS_THE_ENVIRONMENT = noClasses()
            .that()
            .resideOutsideOfPackage(BOOTSTRAP)
            .should()
            .callMethod(System.class, "getenv")
            .orShould()
            .callMethod(System.class, "getenv", String.class)
            .because("configuration is read once, in bootstrap, and passed down");

    /** The domain's ports: its interfaces, less the sealed ones, which are results (ScrapeOutcome, SaveOutcome). */
    static final DescribedPredicate<JavaClass> DOMAIN_PORT = new DescribedPredicate<>("are ports of the domain") {
        @Override
        public boolean test(JavaClass javaClass) {
            if (!javaClass.getPackageName().startsWith(ROOT + ".domain")) {
                return false;
            }
            // Reflected, so that a port seen only as a dependency of the imported classes is recognised too.
            Class<?> type = javaClass.reflect();
            return type.isInterface() && !type.isSealed();
        }
    };

    static final ArchRule HANDLERS_REACH_PORTS_ONLY_THROUGH_USE_CASES = noClasses()
            .that()
            .resideInAPackage(ROOT + ".adapters.lambda..")
            .should()
            .dependOnClassesThat(DOMAIN_PORT)
            .because("a handler turns a request into one use case's call; what is read, written or scraped, and in "
                    + "what order, is the use case's to decide, where it is tested with fakes");

    static final ArchRule PORTS_LIVE_IN_THE_PORT_PACKAGE = classes()
            .that(DOMAIN_PORT)
            .should()
            .resideInAPackage(ROOT + ".domain.port")
            .because("a reader finds every way the core reaches out in one package, apart from the values it "
                    + "passes");

    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching(ROOT + ".(**)").should().beFreeOfCycles();

    private static final List<ArchRule> RULES = List.of(
            DOMAIN_IS_PURE_JAVA,
            APPLICATION_KNOWS_ONLY_THE_DOMAIN,
            ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
            NOTHING_DEPENDS_ON_BOOTSTRAP,
            ONLY_BOOTSTRAP_KNOWS_DAGGER,
            ONLY_BOOTSTRAP_READS_THE_ENVIRONMENT,
            HANDLERS_REACH_PORTS_ONLY_THROUGH_USE_CASES,
            PORTS_LIVE_IN_THE_PORT_PACKAGE,
            NO_PACKAGE_CYCLES);

    @Test
    void theCodebaseFollowsEveryRule() {
        for (ArchRule rule : RULES) {
            rule.check(PRODUCTION);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "domain.picture",
                "domain.scrape",
                "domain.history",
                "domain.page",
                "domain.refresh",
                "domain.port",
                "application",
                "adapters.lambda",
                "adapters.dynamodb",
                "adapters.selenium",
                "adapters.crawler",
                "adapters.xapi",
                "adapters.s3",
                "adapters.picturehost",
                "bootstrap",
                "bootstrap.read",
                "bootstrap.archive",
                "bootstrap.scrape",
                "bootstrap.local"
            })
    void everyPackageARuleNamesHoldsProductionClasses(String module) {
        String packageName = ROOT + "." + module;

        boolean present = PRODUCTION.stream()
                .anyMatch(javaClass -> javaClass.getPackageName().equals(packageName));

        assertTrue(present, packageName + " has no production classes, so rules about it would check nothing");
    }

    @Test
    void theHandlerRuleKnowsThePortsAndNotTheResults() {
        Set<String> ports =
                PRODUCTION.stream().filter(DOMAIN_PORT).map(JavaClass::getName).collect(toSet());

        assertTrue(
                ports.containsAll(Set.of(
                        ProfilePictureRepository.class.getName(),
                        ProfilePictureScraper.class.getName(),
                        PictureArchive.class.getName(),
                        PictureHistory.class.getName(),
                        PictureHost.class.getName())),
                "ports found: " + ports);
        assertFalse(ports.contains(ScrapeVerdict.class.getName()), "a sealed result is no port");
    }

    @Test
    void badExamplesAreNotPartOfTheProductionImport() {
        assertFalse(PRODUCTION.contain(DomainClassUsingGson.class));
    }

    /** Each rule, run on the bad examples only, must report them: a rule that cannot fail proves nothing. */
    @Nested
    class EachRuleFlagsABadClass {

        @Test
        void domainUsingALibrary() {
            assertViolated(DOMAIN_IS_PURE_JAVA, DomainClassUsingGson.class);
        }

        @Test
        void useCaseUsingDynamoDb() {
            assertViolated(APPLICATION_KNOWS_ONLY_THE_DOMAIN, UseCaseUsingDynamoDb.class);
        }

        @Test
        void adapterUsingAnotherAdapter() {
            assertViolated(
                    ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                    HandlerUsingRepositoryAdapter.class,
                    com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository.class);
        }

        @Test
        void adapterUsingBootstrap() {
            assertViolated(NOTHING_DEPENDS_ON_BOOTSTRAP, HandlerUsingBootstrap.class);
        }

        @Test
        void adapterWiredByDaggerOrInject() {
            assertViolated(ONLY_BOOTSTRAP_KNOWS_DAGGER, ScraperWiredByDagger.class);
            assertViolated(ONLY_BOOTSTRAP_KNOWS_DAGGER, ScraperUsingJakartaInject.class);
        }

        @Test
        void handlerCallingAPortDirectly() {
            assertViolated(HANDLERS_REACH_PORTS_ONLY_THROUGH_USE_CASES, HandlerCallingRepository.class);
        }

        @Test
        void adapterReadingTheEnvironment() {
            assertViolated(ONLY_BOOTSTRAP_READS_THE_ENVIRONMENT, RepositoryReadingEnvironment.class);
        }

        @Test
        void portOutsideThePortPackage() {
            assertViolated(PORTS_LIVE_IN_THE_PORT_PACKAGE, PortOutsideThePortPackage.class);
        }

        @Test
        void packagesInACycle() {
            assertViolated(NO_PACKAGE_CYCLES, A.class, B.class);
        }

        private void assertViolated(ArchRule rule, Class<?>... classes) {
            EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(classes));

            assertTrue(result.hasViolation(), rule.getDescription() + " did not flag " + List.of(classes));
        }
    }
}
