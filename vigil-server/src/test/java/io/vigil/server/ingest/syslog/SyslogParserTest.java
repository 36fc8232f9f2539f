package io.vigil.server.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SyslogParserTest {

    private static SyslogMessage parse(String text) throws MalformedSyslogException {
        return SyslogParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String payload(SyslogMessage message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void rfc5424WithStructuredDataAndBom() throws Exception {
        SyslogMessage m = parse("<165>1 2003-10-11T22:14:15.003Z dc01.corp winlogbeat 8710 ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"App\\]lication\"][other a=\"b\"] \uFEFF{\"EventID\":1}");
        assertThat(m.host()).isEqualTo("dc01.corp");
        assertThat(m.app()).isEqualTo("winlogbeat");
        assertThat(m.timestamp()).isEqualTo("2003-10-11T22:14:15.003Z");
        assertThat(payload(m)).isEqualTo("{\"EventID\":1}");
    }

    @Test
    void rfc5424NilValues() throws Exception {
        SyslogMessage m = parse("<13>1 - - - - - - <Event/>");
        assertThat(m.host()).isNull();
        assertThat(m.app()).isNull();
        assertThat(m.timestamp()).isNull();
        assertThat(payload(m)).isEqualTo("<Event/>");
    }

    @Test
    void rfc3164WithHostTagAndPid() throws Exception {
        SyslogMessage m = parse("<14>Oct  2 04:29:48 wec01 MSWinEventLog[4]: <Event>x</Event>\r");
        assertThat(m.timestamp()).isEqualTo("Oct  2 04:29:48");
        assertThat(m.host()).isEqualTo("wec01");
        assertThat(m.app()).isEqualTo("MSWinEventLog");
        assertThat(payload(m)).isEqualTo("<Event>x</Event>");
    }

    @Test
    void rfc3164WithoutHostOrTag() throws Exception {
        assertThat(parse("<14>Oct 22 04:29:48 nxlog: {\"a\":1}").host()).isNull();
        SyslogMessage bare = parse("<14>Oct 22 04:29:48 {\"a\":1}");
        assertThat(bare.app()).isNull();
        assertThat(payload(bare)).isEqualTo("{\"a\":1}");
        assertThat(parse("<14>2020-10-22T04:29:48+02:00 dc01 app: {}").host()).isEqualTo("dc01");
    }

    @Test
    void malformedHeadersAreRefused() {
        assertThatThrownBy(() -> parse("no pri")).hasMessageContaining("<PRI>");
        assertThatThrownBy(() -> parse("<192>1 - - - - - - {}")).hasMessageContaining("<PRI>");
        assertThatThrownBy(() -> parse("<13>1 - - - - - [open {}")).hasMessageContaining("STRUCTURED-DATA");
        assertThatThrownBy(() -> parse("<13>1 - - - - - -")).hasMessageContaining("empty MSG");
    }
}
