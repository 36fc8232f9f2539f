package io.vigil.detection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN §2: detection is plain Java, so any engine (embedded, Flink) and any host can run it. */
class DetectionArchitectureTest {

    private final JavaClasses detection = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vigil.detection");

    @Test
    void detection_never_depends_on_spring_flink_or_kafka() {
        noClasses().that().resideInAPackage("io.vigil.detection..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.flink..", "org.apache.kafka..")
                .check(detection);
    }

    @Test
    void built_in_families_do_not_depend_on_each_other() {
        for (String family : new String[] {"kerberos", "replication", "bruteforce", "recon", "groups", "honeytoken", "goldenticket", "pam"}) {
            noClasses().that().resideInAPackage("io.vigil.detection.builtin." + family + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherFamilies(family))
                    .check(detection);
        }
    }

    private static String[] otherFamilies(String family) {
        return java.util.stream.Stream.of("kerberos", "replication", "bruteforce", "recon", "groups", "honeytoken", "goldenticket", "pam")
                .filter(f -> !f.equals(family))
                .map(f -> "io.vigil.detection.builtin." + f + "..")
                .toArray(String[]::new);
    }
}
