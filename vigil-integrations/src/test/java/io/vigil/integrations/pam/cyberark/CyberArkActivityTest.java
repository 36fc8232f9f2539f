package io.vigil.integrations.pam.cyberark;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.pam.AccountActivity;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading one entry of {@code Accounts/{id}/Activities}, however loosely the PVWA writes it. */
class CyberArkActivityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AccountActivity read(String json) {
        return CyberArkAccounts.activity("12_3", JSON.readTree(json));
    }

    @Test
    void retrievalsByCodeOrByNameHandThePasswordOver() {
        assertThat(read("{\"Date\":1700000000,\"User\":\"carol\",\"Action\":\"Retrieve password\",\"ActionID\":295}").use())
                .isEqualTo(AccountActivity.Use.CHECKOUT);
        assertThat(read("{\"Date\":1700000000,\"User\":\"AppProvider\",\"Action\":\"Retrieve Password (from Provider)\","
                + "\"ActionID\":319}").use()).isEqualTo(AccountActivity.Use.CHECKOUT);
        assertThat(read("{\"date\":\"1700000000\",\"user\":\"carol\",\"action\":\"RETRIEVE PASSWORD\"}").use())
                .isEqualTo(AccountActivity.Use.CHECKOUT);
        assertThat(read("{\"Date\":1700000000,\"Action\":\"Check-Out\"}").use()).isEqualTo(AccountActivity.Use.CHECKOUT);
    }

    @Test
    void checkInEndsACheckoutAndProxiedUseIsNoCheckout() {
        assertThat(read("{\"Date\":1700000000,\"Action\":\"Check In\"}").use()).isEqualTo(AccountActivity.Use.CHECKIN);
        assertThat(read("{\"Date\":1700000000,\"Action\":\"Use Password\",\"ActionID\":308}").use())
                .isEqualTo(AccountActivity.Use.OTHER);
        assertThat(read("{\"Date\":1700000000,\"Action\":\"PSM Connect\",\"ActionID\":300}").use())
                .isEqualTo(AccountActivity.Use.OTHER);
        assertThat(read("{\"Date\":1700000000,\"Action\":\"CPM Change Password\",\"ActionID\":24}").use())
                .isEqualTo(AccountActivity.Use.OTHER);
    }

    @Test
    void dateIsEpochSecondsAsNumberOrTextAndReasonAndMoreInfoAreTheDetails() {
        AccountActivity a = read("{\"Date\":\"1700000000\",\"User\":\"carol\",\"Action\":\"Retrieve password\","
                + "\"ActionID\":\"295\",\"Reason\":\"INC0042\",\"MoreInfo\":\"from PVWA\",\"Alert\":false}");

        assertThat(a.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(a.user()).isEqualTo("carol");
        assertThat(a.accountId()).isEqualTo("12_3");
        assertThat(a.details()).isEqualTo("INC0042; from PVWA");
        assertThat(read("{\"Action\":\"Retrieve password\"}").time()).isNull();
    }
}
