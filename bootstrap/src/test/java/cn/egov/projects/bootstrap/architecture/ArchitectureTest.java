package cn.egov.projects.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries of DESIGN.md, held over the production classes of every module. */
@AnalyzeClasses(packages = "cn.egov.projects", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "cn.egov.projects.domain..";
    private static final String APPLICATION = "cn.egov.projects.application..";
    private static final String WEB = "cn.egov.projects.web..";
    private static final String PERSISTENCE = "cn.egov.projects.persistence..";
    private static final String NOTIFY = "cn.egov.projects.notify..";
    private static final String BOOTSTRAP = "cn.egov.projects.bootstrap..";

    @ArchTest
    static final ArchRule hexagon = onionArchitecture()
            .domainModels(DOMAIN)
            .applicationServices(APPLICATION)
            .adapter("web", WEB)
            .adapter("persistence", PERSISTENCE)
            .adapter("notify", NOTIFY)
            .withOptionalLayers(true)
            .ignoreDependency(resideInAPackage(BOOTSTRAP), alwaysTrue())
            .because("data flows one way: adapters → application → domain (DESIGN.md)");

    @ArchTest
    static final ArchRule domainUsesTheJdkOnly = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is the measures themselves: JDK only, no framework, no I/O (1)");

    @ArchTest
    static final ArchRule applicationUsesDomainAndJdkOnly = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "javax.crypto..")
            .because("use cases know no Vert.x, MyBatis, Flyway, MapStruct, JDBC or mail (2)");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = slices().matching("cn.egov.projects.(web|persistence|notify)..")
            .should().notDependOnEachOther()
            .because("only the bootstrap sees every adapter (3)");

    @ArchTest
    static final ArchRule vertxStaysInTheWebAdapter = noClasses()
            .that().resideOutsideOfPackages(WEB, NOTIFY, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage("io.vertx..")
            .because("each technology stays in its adapter (4); the notify adapter sends e-mail with the Vert.x mail "
                    + "client");

    @ArchTest
    static final ArchRule databaseStaysInThePersistenceAdapter = noClasses()
            .that().resideOutsideOfPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.ibatis..", "org.flywaydb..",
                    "org.mapstruct..", "org.h2..", "org.postgresql..")
            .because("each technology stays in its adapter (4)");

    @ArchTest
    static final ArchRule jdbcStaysInTheAdaptersThatOwnTables = noClasses()
            .that().resideOutsideOfPackages(PERSISTENCE, NOTIFY)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("plain JDBC only where tables are owned (4): the persistence adapter, and the notify adapter's "
                    + "reminder outbox and scheduler table, written through the transaction-aware data source");

    @ArchTest
    static final ArchRule messagingStaysInTheNotifyAdapter = noClasses()
            .that().resideOutsideOfPackage(NOTIFY)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.jsmpp..", "com.github.kagkarlsson..")
            .because("each technology stays in its adapter (4)");

    @ArchTest
    static final ArchRule outputPortsDoNotKnowInputPorts = noClasses()
            .that().resideInAPackage("..application.port.out..")
            .should().dependOnClassesThat().resideInAPackage("..application.port.in..")
            .because("port.in and port.out are independent (5)");

    @ArchTest
    static final ArchRule inputPortsDoNotKnowOutputPorts = noClasses()
            .that().resideInAPackage("..application.port.in..")
            .should().dependOnClassesThat().resideInAPackage("..application.port.out..")
            .because("port.in and port.out are independent; what both speak of lives in application.view (5)");

    @ArchTest
    static final ArchRule adaptersUseUseCasesNotServices = noClasses()
            .that().resideInAnyPackage(WEB, PERSISTENCE, NOTIFY)
            .should().dependOnClassesThat().resideInAnyPackage("..application.service..", "..application.account..")
            .because("adapters call use-case interfaces, never their implementations (6)");

    @ArchTest
    static final ArchRule outputPortInterfacesEndInPort = classes()
            .that().resideInAPackage("..application.port.out..").and().areInterfaces()
            .and().doNotHaveSimpleName("package-info")
            .should().haveSimpleNameEndingWith("Port")
            .because("naming both ways (7)");

    @ArchTest
    static final ArchRule portsAreInterfacesOfPortOut = classes()
            .that().haveSimpleNameEndingWith("Port").and().resideInAPackage(APPLICATION)
            .should().beInterfaces().andShould().resideInAPackage("..application.port.out..")
            .because("naming both ways (7)");

    @ArchTest
    static final ArchRule useCasesAreInterfacesOfPortIn = classes()
            .that().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces().andShould().resideInAPackage("..application.port.in..")
            .because("naming both ways (7)");

    @ArchTest
    static final ArchRule portInInterfacesEndInUseCase = classes()
            .that().resideInAPackage("..application.port.in..").and().areInterfaces().and().areTopLevelClasses()
            .and().doNotHaveSimpleName("ProjectCommand").and().doNotHaveSimpleName("package-info")
            .should().haveSimpleNameEndingWith("UseCase")
            .because("naming both ways (7); a use case's own answer types (SignInUseCase.Result) nest inside it");

    @ArchTest
    static final ArchRule servicesImplementUseCases = classes()
            .that().resideInAnyPackage("..application.service..", "..application.account..")
            .and().haveSimpleNameEndingWith("Service")
            .should().implement(describe("a use case", (JavaClass c) -> c.getSimpleName().endsWith("UseCase")))
            .because("a …Service implements use cases (7)");

    @ArchTest
    static final ArchRule daosAreInterfacesInPersistence = classes()
            .that().haveSimpleNameEndingWith("Dao")
            .should().beInterfaces().andShould().resideInAPackage(PERSISTENCE)
            .because("MyBatis interfaces are …Dao (7)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("cn.egov.projects.(**)")
            .should().beFreeOfCycles()
            .because("no package cycles (8)");

    @ArchTest
    static final ArchRule noClockReadsInTheCore = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.LocalTime.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("time comes in through the ClockPort (9)");

    /**
     * The adapters read business time through the application's clock too, so that a simulated clock
     * ({@code EGOV_CLOCK}) moves everything; the session expiry and the access log's purge are technical timing and
     * stay on the real time.
     */
    @ArchTest
    static final ArchRule noBusinessClockReadsInTheAdapters = noClasses()
            .that().resideInAnyPackage(WEB, PERSISTENCE, NOTIFY)
            .and().doNotHaveFullyQualifiedName("cn.egov.projects.web.auth.DatabaseSessionStore")
            .and().doNotHaveFullyQualifiedName("cn.egov.projects.web.auth.AccessRevisions")
            // the window to give a one-time code and a step-up's freshness: real time, like the codes themselves
            .and().doNotHaveFullyQualifiedName("cn.egov.projects.web.auth.Sessions")
            .should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(java.time.LocalTime.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("business time follows the ClockPort, a simulated one too (9)");

    @ArchTest
    static final ArchRule noConsolePrinting = noClasses()
            .that().doNotHaveFullyQualifiedName("cn.egov.projects.bootstrap.CommandOutput")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("log through the logger; a command's printed result goes through CommandOutput (10)");

    @ArchTest
    static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("failures are specific (10)");
}
