package io.vigil.server.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.decode.DecodeError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never stops good input: each broken record or file is reported with its place and
 * counted, and the attack recorded in the good lines around it is still found.
 */
class BadInputScanTest {

    @TempDir
    Path folder;

    private static String serviceTicket(String service, int second) {
        return "{\"EventID\":4769,\"Channel\":\"Security\",\"Hostname\":\"DC01.corp.local\","
                + "\"SourceName\":\"Microsoft-Windows-Security-Auditing\","
                + "\"@timestamp\":\"2026-03-01T10:00:0" + second + ".000Z\","
                + "\"TargetUserName\":\"mallory@CORP.LOCAL\",\"TargetDomainName\":\"CORP.LOCAL\","
                + "\"ServiceName\":\"" + service + "\",\"TicketEncryptionType\":\"0x17\",\"Status\":\"0x0\","
                + "\"IpAddress\":\"::ffff:10.9.9.9\",\"IpPort\":\"50000\",\"TicketOptions\":\"0x40810000\"}";
    }

    @Test
    void brokenLinesAreReportedByLineAndTheGoodLinesAroundThemStillDetect() throws IOException {
        Path log = folder.resolve("dc01.jsonl");
        Files.writeString(log, String.join("\n",
                serviceTicket("svc_sql", 1),
                "{\"EventID\":4769,\"Channel\":\"Security\",\"TargetUserName\":\"trunc",
                serviceTicket("svc_web", 2),
                "this is not json at all",
                "{\"EventID\": 4769, \"Channel\": \"Security\", \"ServiceName\": }",
                serviceTicket("svc_backup", 3),
                ""), StandardCharsets.UTF_8);

        ScanRun run = ScanRun.of(log);

        assertThat(run.errors()).extracting(DecodeError::position).containsExactly(2L, 4L, 5L);
        assertThat(run.errors()).allSatisfy(e -> {
            assertThat(e.source()).endsWith("dc01.jsonl");
            assertThat(e.unit()).isEqualTo("line");
        });
        assertThat(run.result().errors()).isEqualTo(3);
        assertThat(run.only("kerberoasting").description()).contains("svc_sql", "svc_web", "svc_backup");
    }

    @Test
    void aTenMegabyteLineIsSkippedWithoutStoppingTheFile() throws IOException {
        Path log = folder.resolve("huge-line.jsonl");
        try (OutputStream out = Files.newOutputStream(log)) {
            out.write((serviceTicket("svc_a", 1) + "\n").getBytes(StandardCharsets.UTF_8));
            out.write("{\"EventID\":4769,\"Message\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] filler = new byte[1 << 20];
            java.util.Arrays.fill(filler, (byte) 'x');
            for (int i = 0; i < 10; i++) {
                out.write(filler);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write((serviceTicket("svc_b", 2) + "\n" + serviceTicket("svc_c", 3) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        ScanRun run = ScanRun.of(log);

        assertThat(run.errors()).singleElement().satisfies(e -> {
            assertThat(e.position()).isEqualTo(2L);
            assertThat(e.message()).contains("longer than");
        });
        assertThat(run.only("kerberoasting").evidenceCount()).isEqualTo(3);
    }

    @Test
    void truncatedXmlBinaryAndEmptyFilesAreReportedAndTheRestIsRead() throws IOException {
        Files.writeString(folder.resolve("a-truncated.xml"),
                "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
                        + "<EventID>4769</EventID><Channel>Security</Channel><TimeCreated SystemTime=\"2026-03-01T10:00:00Z\"/>"
                        + "</System><EventData><Data Name=\"ServiceName\">svc_x</Da");
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        binary[0] = (byte) 0x89; // not a sniffable text or archive start
        Files.write(folder.resolve("b-random.bin"), binary);
        Files.write(folder.resolve("c-empty.json"), new byte[0]);
        Files.writeString(folder.resolve("d-good.jsonl"),
                serviceTicket("svc_1", 1) + "\n" + serviceTicket("svc_2", 2) + "\n" + serviceTicket("svc_3", 3) + "\n");

        ScanRun run = ScanRun.of(folder);

        assertThat(run.errors()).hasSize(3);
        assertThat(run.errors().get(0).source()).endsWith("a-truncated.xml");
        assertThat(run.errors().get(0).message()).contains("truncated");
        assertThat(run.errors().get(0).unit()).isEqualTo("line");
        assertThat(run.errors().get(1).source()).endsWith("b-random.bin");
        assertThat(run.errors().get(1).message()).contains("not an event log");
        assertThat(run.errors().get(2).source()).endsWith("c-empty.json");
        assertThat(run.result().filesRead()).isEqualTo(2);
        assertThat(run.result().filesSkipped()).isEqualTo(2);
        assertThat(run.result().unreadableSources()).isZero();
        assertThat(run.alertTypes()).containsExactly("kerberoasting");
    }

    @Test
    void controlCharactersInAttackerControlledFieldsNeverReachTheTerminal() throws IOException {
        Path log = folder.resolve("escape.jsonl");
        Files.writeString(log, serviceTicket("svc_\\u001b[2J\\u001b]0;pwned\\u0007", 1) + "\n"
                + serviceTicket("svc_2", 2) + "\n" + serviceTicket("svc_3", 3) + "\n");
        CliRun run = CliRun.of("scan", log.toString());
        assertThat(run.out()).contains("Suspected Kerberos SPN exposure").doesNotContain("\u001b").contains("\\x1b");
    }
}
