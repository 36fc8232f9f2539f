package io.vigil.ingest.xml;

import static io.vigil.ingest.testsupport.RecordingListener.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.testsupport.RecordingListener;
import io.vigil.model.event.WindowsEvent;

class EventXmlDecoderTest {

    private final EventXmlDecoder decoder = new EventXmlDecoder();

    private static final String TGS = """
            <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
             <System>
              <Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-A5BA-3E3B0328C30D}" />
              <EventID>4769</EventID>
              <Version>0</Version>
              <TimeCreated SystemTime="2015-08-07T18:13:46.043256100Z" />
              <EventRecordID>166746</EventRecordID>
              <Channel>security</Channel>
              <Computer>DC01.contoso.local</Computer>
             </System>
             <EventData>
              <Data Name="TargetUserName">dadmin@CONTOSO.LOCAL</Data>
              <Data Name="TicketEncryptionType">0x17</Data>
              <Data Name="TransmittedServices">-</Data>
              <Data Name="Empty" />
              <Data Name="Escaped">a &lt;b&gt; &amp; c</Data>
             </EventData>
             <RenderingInfo Culture="en-US"><Message>ignored</Message></RenderingInfo>
            </Event>
            """;

    @Test
    void readsSystemHeaderAndNamedData() {
        RecordingListener out = decode(decoder, TGS);

        assertThat(out.errors).isEmpty();
        WindowsEvent event = out.events.get(0);
        assertThat(event.provider()).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(event.channel()).isEqualTo("Security");
        assertThat(event.eventId()).isEqualTo(4769);
        assertThat(event.recordId()).isEqualTo(166746);
        assertThat(event.computer()).isEqualTo("DC01.contoso.local");
        assertThat(event.time()).isEqualTo(Instant.parse("2015-08-07T18:13:46.043256100Z"));
        assertThat(event.data()).containsExactly(entry("TargetUserName", "dadmin@CONTOSO.LOCAL"),
                entry("TicketEncryptionType", "0x17"), entry("TransmittedServices", "-"), entry("Empty", ""),
                entry("Escaped", "a <b> & c"));
        assertThat(event.origin().position()).isEqualTo(1);
    }

    @Test
    void concatenatedEventsWithDeclarationsAndWrappers() {
        String text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n" + TGS + TGS.replace("4769", "4768") + "</Events>\n"
                + "<?xml version=\"1.0\"?>" + TGS.replace("4769", "4624");

        RecordingListener out = decode(decoder, text);

        assertThat(out.errors).isEmpty();
        assertThat(out.events).extracting(WindowsEvent::eventId).containsExactly(4769, 4768, 4624);
        assertThat(out.events.get(1).origin().position()).isEqualTo(3 + TGS.split("\n").length);
    }

    @Test
    void userDataFieldsAndUnnamedDataAreNamed() {
        String text = """
                <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
                 <System><Provider Name="Microsoft-Windows-Eventlog"/><EventID>1102</EventID>
                  <TimeCreated SystemTime="2020-01-01T00:00:00Z"/><Channel>Security</Channel><Computer>dc</Computer></System>
                 <UserData><LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog">
                  <SubjectUserSid>S-1-5-21-1</SubjectUserSid><SubjectUserName>admin</SubjectUserName></LogFileCleared></UserData>
                </Event>
                <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
                 <System><Provider Name="Service Control Manager" EventSourceName="Service Control Manager"/>
                  <EventID Qualifiers="16384">7045</EventID><TimeCreated SystemTime="2020-01-01T00:00:01Z"/>
                  <Channel>System</Channel><Computer>dc</Computer></System>
                 <EventData><Data>PSEXESVC</Data><Data>%SystemRoot%\\PSEXESVC.exe</Data><Binary>00FF</Binary></EventData>
                </Event>
                """;

        RecordingListener out = decode(decoder, text);

        assertThat(out.errors).isEmpty();
        assertThat(out.events.get(0).data()).containsExactly(entry("SubjectUserSid", "S-1-5-21-1"), entry("SubjectUserName", "admin"));
        assertThat(out.events.get(1).eventId()).isEqualTo(7045);
        assertThat(out.events.get(1).data()).containsExactly(entry("Param1", "PSEXESVC"),
                entry("Param2", "%SystemRoot%\\PSEXESVC.exe"), entry("Binary", "00FF"));
    }

    @Test
    void malformedEventIsReportedAndTheNextOneIsRead() {
        String broken = TGS.replace("<Data Name=\"TransmittedServices\">-</Data>", "<Data Name=\"TransmittedServices\">-</Dat>");
        int brokenLine = 2 * TGS.split("\n").length + 1;

        RecordingListener out = decode(decoder, TGS + TGS + broken + TGS);

        assertThat(out.events).hasSize(3);
        assertThat(out.errors).singleElement().satisfies(e -> {
            assertThat(e.unit()).isEqualTo("line");
            assertThat(e.position()).isEqualTo(brokenLine + 13); // the line of the bad end tag
            assertThat(e.message()).startsWith("malformed event XML");
        });
    }

    @Test
    void truncatedEventAtEndOfInput() {
        String truncated = TGS.substring(0, TGS.indexOf("<EventData>"));

        RecordingListener out = decode(decoder, TGS + truncated);

        assertThat(out.events).hasSize(1);
        assertThat(out.errors).singleElement().satisfies(e -> {
            assertThat(e.position()).isEqualTo(TGS.split("\n").length + 1);
            assertThat(e.message()).contains("truncated");
        });
    }

    @Test
    void eventWithoutEventIdIsReported() {
        RecordingListener out = decode(decoder, TGS.replace("<EventID>4769</EventID>", ""));

        assertThat(out.events).isEmpty();
        assertThat(out.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("EventID"));
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = "<!DOCTYPE Event [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + TGS.replace("dadmin@CONTOSO.LOCAL", "&xxe;");

        RecordingListener out = decode(decoder, xxe);

        assertThat(out.events).isEmpty();
        assertThat(out.errors).hasSize(1);
    }

    @Test
    void utf16LittleEndianWithBom() {
        byte[] utf16 = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n" + TGS).getBytes(StandardCharsets.UTF_16LE);

        RecordingListener out = decode(decoder, utf16, EventFilter.ALL);

        assertThat(out.errors).isEmpty();
        assertThat(out.events).singleElement().satisfies(e -> assertThat(e.eventId()).isEqualTo(4769));
    }

    @Test
    void utf16BigEndianWithoutBom() {
        RecordingListener out = decode(decoder, TGS.getBytes(StandardCharsets.UTF_16BE), EventFilter.ALL);

        assertThat(out.events).hasSize(1);
    }

    @Test
    void oversizedEventIsSkipped() {
        EventXmlDecoder small = new EventXmlDecoder(2000);
        String big = TGS.replace("dadmin@CONTOSO.LOCAL", "x".repeat(5000));

        RecordingListener out = decode(small, big + TGS);

        assertThat(out.events).hasSize(1);
        assertThat(out.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("longer than 2000"));
    }

    @Test
    void filterIsApplied() {
        RecordingListener out = decode(decoder, (TGS + TGS.replace("4769", "4624")).getBytes(StandardCharsets.UTF_8),
                EventFilter.eventIds(Set.of(4624)));

        assertThat(out.events).extracting(WindowsEvent::eventId).containsExactly(4624);
    }

    @Test
    void xmlWithoutEventsIsAnError() {
        RecordingListener out = decode(decoder, "<config><item/></config>");

        assertThat(out.events).isEmpty();
        assertThat(out.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("no <Event>"));
    }

    @Test
    void eventDataFragmentFields() {
        assertThat(EventDataXml.fields("<EventData><Data Name=\"A\">1</Data><Data>x</Data></EventData>"))
                .containsExactly(entry("A", "1"), entry("Param1", "x"));
    }
}
