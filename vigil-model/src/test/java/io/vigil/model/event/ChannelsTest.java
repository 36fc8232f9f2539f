package io.vigil.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelsTest {

    @Test
    void wellKnownChannelsGetOneSpellingWhateverTheirCase() {
        assertThat(Channels.canonical("SECURITY")).isSameAs(Channels.SECURITY);
        assertThat(Channels.canonical("system")).isSameAs(Channels.SYSTEM);
        assertThat(Channels.canonical("microsoft-windows-sysmon/operational"))
                .isEqualTo("Microsoft-Windows-Sysmon/Operational");
        assertThat(Channels.canonical("directory service")).isEqualTo("Directory Service");
    }

    @Test
    void otherChannelsStayAsGiven() {
        assertThat(Channels.canonical("Microsoft-Windows-TaskScheduler/Operational"))
                .isEqualTo("Microsoft-Windows-TaskScheduler/Operational");
        assertThat(Channels.canonical("securityx")).isEqualTo("securityx");
        assertThat(Channels.canonical(null)).isEmpty();
    }

    @Test
    void aNameSeenAgainIsStillAnsweredRightWhateverCameBetween() {
        String unknown = new String("Microsoft-Windows-Bits-Client/Operational");
        assertThat(Channels.canonical(unknown)).isSameAs(unknown);
        assertThat(Channels.canonical(unknown)).isSameAs(unknown);
        assertThat(Channels.canonical(new String("SECURITY"))).isSameAs(Channels.SECURITY);
        assertThat(Channels.canonical(unknown)).isSameAs(unknown);
    }
}
