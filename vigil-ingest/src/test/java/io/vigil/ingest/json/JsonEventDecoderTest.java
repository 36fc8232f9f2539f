package io.vigil.ingest.json;

import static io.vigil.ingest.testsupport.RecordingListener.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.testsupport.RecordingListener;
import io.vigil.model.event.WindowsEvent;

class JsonEventDecoderTest {

    private final JsonEventDecoder decoder = new JsonEventDecoder();

    private static final String NXLOG = "{\"@timestamp\":\"2020-09-22T02:39:14.736Z\",\"EventTime\":\"2020-09-21 22:39:13\","
            + "\"Hostname\":\"MORDORDC.theshire.local\",\"Channel\":\"security\",\"SourceName\":\"Microsoft-Windows-Security-Auditing\","
            + "\"EventID\":4768,\"Version\":0,\"RecordNumber\":1234,\"EventType\":\"AUDIT_SUCCESS\",\"Keywords\":-9214364837600034816,"
            + "\"AccountName\":\"SYSTEM\",\"UserID\":\"S-1-5-18\",\"Message\":\"A Kerberos authentication ticket (TGT) was requested.\","
            + "\"tags\":[\"mordorDataset\"],\"IpAddress\":\"::ffff:172.18.39.6\",\"Status\":\"0x0\",\"TicketEncryptionType\":\"0x17\","
            + "\"TargetUserName\":\"pgustavo\"}";

    @Test
    void nxlogFlatRecordKeepsEventDataAndDropsShipperMetadata() {
        WindowsEvent event = single(decode(decoder, NXLOG));

        assertThat(event.provider()).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(event.channel()).isEqualTo("Security");
        assertThat(event.eventId()).isEqualTo(4768);
        assertThat(event.computer()).isEqualTo("MORDORDC.theshire.local");
        assertThat(event.recordId()).isEqualTo(1234);
        assertThat(event.data()).containsExactly(entry("IpAddress", "::ffff:172.18.39.6"), entry("Status", "0x0"),
                entry("TicketEncryptionType", "0x17"), entry("TargetUserName", "pgustavo"));
        assertThat(event.origin().source()).isEqualTo("test");
        assertThat(event.origin().position()).isEqualTo(1);
    }

    @Test
    void nxlogLocalEventTimeIsConvertedWithTheOffsetDerivedFromTimestamp() {
        // EventTime is local (UTC-4 here); @timestamp is the shipper's receive time in UTC, a second later
        WindowsEvent event = single(decode(decoder, NXLOG));

        assertThat(event.time()).isEqualTo(Instant.parse("2020-09-22T02:39:13Z"));
    }

    @Test
    void halfHourZonesAreDerivedToo() {
        String india = NXLOG.replace("\"2020-09-22T02:39:14.736Z\"", "\"2020-09-21T17:09:14.736Z\"");

        assertThat(single(decode(decoder, india)).time()).isEqualTo(Instant.parse("2020-09-21T17:09:13Z"));
    }

    @Test
    void sysmonEventTypeIsKeptWhenNxlogsOwnWasMovedAside() {
        String sysmon = "{\"@timestamp\":\"2020-10-22T08:29:53.796Z\",\"EventTime\":\"2020-10-22 04:29:52\",\"EventID\":12,"
                + "\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"SourceName\":\"Microsoft-Windows-Sysmon\","
                + "\"EventType\":\"CreateKey\",\"EventTypeOrignal\":\"INFO\",\"TargetObject\":\"HKLM\\\\SOFTWARE\"}";

        WindowsEvent event = single(decode(decoder, sysmon));

        assertThat(event.data()).containsExactly(entry("EventType", "CreateKey"), entry("TargetObject", "HKLM\\SOFTWARE"));
    }

    @Test
    void otrf2022VariantWithUtcTimeCreatedAndStringEventId() {
        String record = "{\"SourceName\":\"Microsoft-Windows-Security-Auditing\",\"Level\":\"0\",\"Keywords\":\"0x8020000000000000\","
                + "\"Channel\":\"Security\",\"Hostname\":\"DC01.pandalab.com\",\"TimeCreated\":\"2023-07-19T09:03:40.710Z\","
                + "\"@timestamp\":\"2023-07-19T09:03:40.710Z\",\"EventID\":\"4769\",\"Task\":\"14337\",\"EventType\":\"x\","
                + "\"TicketEncryptionType\":\"0x00000017\",\"ServiceName\":\"krbtgt\"}";

        WindowsEvent event = single(decode(decoder, record));

        assertThat(event.eventId()).isEqualTo(4769);
        assertThat(event.time()).isEqualTo(Instant.parse("2023-07-19T09:03:40.710Z"));
        assertThat(event.computer()).isEqualTo("DC01.pandalab.com");
        assertThat(event.data()).containsExactly(entry("EventType", "x"), entry("TicketEncryptionType", "0x00000017"),
                entry("ServiceName", "krbtgt"));
    }

    @Test
    void zonelessTimeCreatedWithoutTimestampTakesTheOffsetFromSysmonUtcTime() {
        String sysmon = "{\"TimeCreated\":\"2020-10-21 12:19:02.230\",\"UtcTime\":\"2020-10-21 04:19:02.229\",\"EventID\":13,"
                + "\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"SourceName\":\"Microsoft-Windows-Sysmon\",\"Hostname\":\"W5\"}";
        String security = "{\"TimeCreated\":\"2020-10-21 12:19:04.411\",\"EventID\":4688,\"Channel\":\"Security\","
                + "\"SourceName\":\"Microsoft-Windows-Security-Auditing\",\"Hostname\":\"W5\"}";

        RecordingListener out = decode(decoder, sysmon + "\n" + security + "\n");

        assertThat(out.errors).isEmpty();
        assertThat(out.events).extracting(WindowsEvent::time).containsExactly(
                Instant.parse("2020-10-21T04:19:02.230Z"), Instant.parse("2020-10-21T04:19:04.411Z"));
    }

    @Test
    void winlogbeatEcsPutsMovedFieldsBackUnderTheirWindowsNames() {
        String record = "{\"@timestamp\":\"2019-12-18T16:22:12.3112534Z\",\"event\":{\"code\":\"4624\"},"
                + "\"source\":{\"ip\":\"10.0.0.5\",\"port\":49712,\"domain\":\"WS01\"},"
                + "\"process\":{\"pid\":500,\"executable\":\"C:\\\\Windows\\\\System32\\\\lsass.exe\"},"
                + "\"winlog\":{\"channel\":\"security\",\"computer_name\":\"DC1.test.local\",\"event_id\":\"4624\","
                + "\"provider_name\":\"Microsoft-Windows-Security-Auditing\",\"record_id\":3699929,"
                + "\"event_data\":{\"LogonType\":\"3\",\"TargetUserName\":\"alice\",\"PrivilegeList\":[\"SeBackup\",\"SeDebug\"]}}}";

        WindowsEvent event = single(decode(decoder, record));

        assertThat(event.eventId()).isEqualTo(4624);
        assertThat(event.channel()).isEqualTo("Security");
        assertThat(event.computer()).isEqualTo("DC1.test.local");
        assertThat(event.recordId()).isEqualTo(3699929);
        assertThat(event.time()).isEqualTo(Instant.parse("2019-12-18T16:22:12.3112534Z"));
        assertThat(event.data()).containsExactly(entry("LogonType", "3"), entry("TargetUserName", "alice"),
                entry("PrivilegeList", "[\"SeBackup\",\"SeDebug\"]"), entry("IpAddress", "10.0.0.5"),
                entry("IpPort", "49712"), entry("WorkstationName", "WS01"),
                entry("ProcessName", "C:\\Windows\\System32\\lsass.exe"), entry("ProcessId", "0x1f4"));
    }

    @Test
    void winlogbeat6TopLevelLayout() {
        String record = "{\"@timestamp\":\"2019-05-18T20:36:46.254Z\",\"event_id\":3,\"log_name\":\"Microsoft-Windows-Sysmon/Operational\","
                + "\"source_name\":\"Microsoft-Windows-Sysmon\",\"computer_name\":\"HFDC01.shire.com\",\"record_number\":\"5402080\","
                + "\"version\":5,\"event_data\":{\"SourceIp\":\"172.18.39.5\",\"Initiated\":\"true\"}}";

        WindowsEvent event = single(decode(decoder, record));

        assertThat(event.eventId()).isEqualTo(3);
        assertThat(event.version()).isEqualTo(5);
        assertThat(event.recordId()).isEqualTo(5402080);
        assertThat(event.provider()).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(event.data()).containsExactly(entry("SourceIp", "172.18.39.5"), entry("Initiated", "true"));
    }

    @Test
    void sentinelSecurityEventWithEventDataXmlUsesTheXml() {
        String record = "{\"TenantId\":\"0f0e\",\"TimeGenerated\":\"2021-03-01T10:00:01.123Z\",\"SourceSystem\":\"OpsManager\","
                + "\"Account\":\"CONTOSO\\\\bob\",\"AccountType\":\"User\",\"Computer\":\"DC01.contoso.com\","
                + "\"EventSourceName\":\"Microsoft-Windows-Security-Auditing\",\"Channel\":\"Security\",\"Task\":14339,"
                + "\"Level\":\"8\",\"EventID\":4771,\"Activity\":\"4771 - Kerberos pre-authentication failed.\","
                + "\"TargetUserName\":\"bob\",\"Status\":\"0x18\",\"Type\":\"SecurityEvent\","
                + "\"EventData\":\"<EventData xmlns=\\\"http://schemas.microsoft.com/win/2004/08/events/event\\\">"
                + "<Data Name=\\\"TargetUserName\\\">bob</Data><Data Name=\\\"Status\\\">0x18</Data>"
                + "<Data Name=\\\"IpAddress\\\">::ffff:10.0.0.9</Data></EventData>\"}";

        WindowsEvent event = single(decode(decoder, record));

        assertThat(event.eventId()).isEqualTo(4771);
        assertThat(event.provider()).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(event.computer()).isEqualTo("DC01.contoso.com");
        assertThat(event.time()).isEqualTo(Instant.parse("2021-03-01T10:00:01.123Z"));
        assertThat(event.data()).containsExactly(entry("TargetUserName", "bob"), entry("Status", "0x18"),
                entry("IpAddress", "::ffff:10.0.0.9"));
    }

    @Test
    void sentinelSecurityEventWithoutEventDataTakesPromotedColumns() {
        String record = "{\"TenantId\":\"0f0e\",\"TimeGenerated\":\"2021-03-01T10:00:01Z\",\"Computer\":\"DC01\","
                + "\"EventSourceName\":\"Microsoft-Windows-Security-Auditing\",\"Channel\":\"Security\",\"EventID\":4625,"
                + "\"Account\":\"\\\\bob\",\"Activity\":\"4625 - An account failed to log on.\",\"TargetUserName\":\"bob\","
                + "\"LogonType\":3,\"SubStatus\":\"0xc000006a\",\"WorkstationName\":\"\",\"MemberName\":null}";

        WindowsEvent event = single(decode(decoder, record));

        assertThat(event.data()).containsExactly(entry("TargetUserName", "bob"), entry("LogonType", "3"),
                entry("SubStatus", "0xc000006a"));
    }

    @Test
    void prettyPrintedEventEnvelopesRenderNumbersAsWindowsDoes() {
        String doc = """
                {
                  "Event": {
                    "#attributes": {"xmlns": "http://schemas.microsoft.com/win/2004/08/events/event"},
                    "System": {
                      "Provider": {"#attributes": {"Name": "Service Control Manager"}},
                      "EventID": {"#attributes": {"Qualifiers": 16384}, "#text": 7045},
                      "Version": 0,
                      "TimeCreated": {"#attributes": {"SystemTime": "2025-11-27T07:40:10.165324Z"}},
                      "EventRecordID": 571146,
                      "Correlation": null,
                      "Channel": "system",
                      "Computer": "dc1.corp.local"
                    },
                    "EventData": {"ServiceName": "evil", "ImagePath": "C:\\\\x.exe", "ServiceType": 16, "Enabled": true}
                  }
                }
                {
                  "Event": {
                    "System": {
                      "Provider": {"#attributes": {"Name": "Microsoft-Windows-WMI-Activity"}},
                      "EventID": 5858,
                      "TimeCreated": {"#attributes": {"SystemTime": "2026-07-02T02:05:27.438557Z"}},
                      "EventRecordID": 5314,
                      "Channel": "Microsoft-Windows-WMI-Activity/Operational",
                      "Computer": "ws1"
                    },
                    "UserData": {"Operation_ClientFailure": {"#attributes": {"xmlns": "x"}, "ClientProcessId": 25920, "ResultCode": "0x80041003"}}
                  }
                }
                """;

        RecordingListener out = decode(decoder, doc);

        assertThat(out.errors).isEmpty();
        assertThat(out.events).hasSize(2);
        WindowsEvent service = out.events.get(0);
        assertThat(service.eventId()).isEqualTo(7045);
        assertThat(service.channel()).isEqualTo("System");
        assertThat(service.recordId()).isEqualTo(571146);
        assertThat(service.time()).isEqualTo(Instant.parse("2025-11-27T07:40:10.165324Z"));
        assertThat(service.data()).containsExactly(entry("ServiceName", "evil"), entry("ImagePath", "C:\\x.exe"),
                entry("ServiceType", "16"), entry("Enabled", "true"));
        assertThat(service.origin().position()).isEqualTo(1);
        WindowsEvent wmi = out.events.get(1);
        assertThat(wmi.data()).containsExactly(entry("ClientProcessId", "25920"), entry("ResultCode", "0x80041003"));
        assertThat(wmi.origin().position()).isEqualTo(17);
    }

    @Test
    void topLevelArrayOfEvents() {
        String doc = "[\n" + NXLOG + ",\n" + NXLOG.replace("4768", "4769") + "\n]\n";

        RecordingListener out = decode(decoder, doc);

        assertThat(out.errors).isEmpty();
        assertThat(out.events).extracting(WindowsEvent::eventId).containsExactly(4768, 4769);
    }

    @Test
    void hexEventIdIsRead() {
        RecordingListener out = decode(decoder, NXLOG.replace("\"EventID\":4768", "\"EventID\":\"0x12A0\""));

        assertThat(single(out).eventId()).isEqualTo(4768);
    }

    @Test
    void invalidLineBetweenGoodLinesIsReportedByNumberAndTheRestDecodes() {
        String text = NXLOG + "\n{\"EventID\":4624, \"Channel\": broken\n\n" + NXLOG + "\n";

        RecordingListener out = decode(decoder, text);

        assertThat(out.events).hasSize(2).extracting(e -> e.origin().position()).containsExactly(1L, 4L);
        assertThat(out.errors).singleElement().satisfies(e -> {
            assertThat(e.unit()).isEqualTo("line");
            assertThat(e.position()).isEqualTo(2);
            assertThat(e.message()).startsWith("invalid JSON");
        });
    }

    @Test
    void brokenFirstLineStillMeansLineMode() {
        RecordingListener out = decode(decoder, "{\"EventID\": nope}\n" + NXLOG + "\n");

        assertThat(out.events).hasSize(1);
        assertThat(out.errors).singleElement().satisfies(e -> assertThat(e.position()).isEqualTo(1));
    }

    @Test
    void tenMegabyteLineIsSkippedWithoutStoppingTheSource() {
        String huge = "{\"EventID\":4624,\"Padding\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

        RecordingListener out = decode(decoder, NXLOG + "\n" + huge + "\n" + NXLOG + "\n");

        assertThat(out.events).hasSize(2);
        assertThat(out.errors).singleElement().satisfies(e -> {
            assertThat(e.position()).isEqualTo(2);
            assertThat(e.message()).contains("line longer than " + JsonEventDecoder.DEFAULT_MAX_LINE_BYTES + " bytes");
        });
    }

    @Test
    void binaryAndInvalidUtf8LinesAreErrorsNamingTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((NXLOG + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 'P', 'K', 3, 4, '\n'});
        bytes.writeBytes("{\"EventID\":4624,\"Channel\":\"Security\",\"X\":\"".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        bytes.writeBytes((NXLOG + "\n").getBytes(StandardCharsets.UTF_8));

        RecordingListener out = decode(decoder, bytes.toByteArray(), EventFilter.ALL);

        assertThat(out.events).hasSize(2);
        assertThat(out.errors).extracting(e -> e.position()).containsExactly(2L, 3L);
        assertThat(out.errors).allSatisfy(e -> assertThat(e.message()).doesNotContain("\u0000"));
    }

    @Test
    void truncatedPrettyDocumentReportsTheLineAndStops() {
        RecordingListener out = decode(decoder, "{\n  \"Event\": {\n    \"System\": {\n      \"EventID\": 4624,\n");

        assertThat(out.events).isEmpty();
        assertThat(out.errors).singleElement().satisfies(e -> {
            assertThat(e.unit()).isEqualTo("line");
            assertThat(e.position()).isBetween(4L, 5L);
            assertThat(e.message()).contains("rest of the source skipped");
        });
    }

    @Test
    void emptyInputIsAnError() {
        assertThat(decode(decoder, "").errors).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("empty"));
        assertThat(decode(decoder, "\n  \n").errors).hasSize(1);
    }

    @Test
    void recordsThatAreNotWindowsEventsAreReported() {
        RecordingListener out = decode(decoder, "{\"hello\":\"world\"}\n[1,2]\n\"text\"\n");

        assertThat(out.events).isEmpty();
        assertThat(out.errors).extracting(e -> e.position()).containsExactly(1L, 2L, 2L, 3L);
    }

    @Test
    void filterSkipsUnwantedLinesAndKeepsWantedOnesOfEveryDialect() {
        String sysmon = "{\"@timestamp\":\"2020-10-22T08:29:53.796Z\",\"EventTime\":\"2020-10-22 04:29:52\",\"EventID\":1,"
                + "\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"SourceName\":\"Microsoft-Windows-Sysmon\"}";
        String winlogbeat = "{\"@timestamp\":\"2019-05-18T20:36:46.254Z\",\"winlog\":{\"event_id\":4769,\"channel\":\"Security\"}}";
        String text = sysmon + "\n" + NXLOG + "\n" + winlogbeat + "\n" + sysmon.replace("\"EventID\":1", "\"EventID\":\"0x10C0\"") + "\n";

        RecordingListener out = decode(decoder, text.getBytes(StandardCharsets.UTF_8),
                EventFilter.channelEventIds("SECURITY", Set.of(4768, 4769, 4288)));

        assertThat(out.errors).isEmpty();
        assertThat(out.events).extracting(WindowsEvent::eventId).containsExactly(4768, 4769);
    }

    @Test
    void keyNamesInsideStringValuesDoNotFoolTheFilter() {
        String tricky = NXLOG.replace("\"Message\":\"A Kerberos", "\"Message\":\"\\\"EventID\\\":1 \\\"Channel\\\":\\\"x\\\" A Kerberos");

        RecordingListener out = decode(decoder, tricky.getBytes(StandardCharsets.UTF_8), EventFilter.eventIds(Set.of(4768)));

        assertThat(out.events).hasSize(1);
    }

    @Test
    void utf16WithByteOrderMarkIsRead() {
        byte[] utf16 = ("\uFEFF" + NXLOG + "\r\n" + NXLOG + "\r\n").getBytes(StandardCharsets.UTF_16LE);

        RecordingListener out = decode(decoder, utf16, EventFilter.ALL);

        assertThat(out.errors).isEmpty();
        assertThat(out.events).hasSize(2);
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() {
        assertThat(decode(decoder, "\uFEFF" + NXLOG).events).hasSize(1);
    }

    private static WindowsEvent single(RecordingListener out) {
        assertThat(out.errors).isEmpty();
        assertThat(out.events).hasSize(1);
        return out.events.get(0);
    }
}
