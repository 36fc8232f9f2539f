package io.vigil.model.identity;

/** What happened, in identity terms, independent of which Windows event said so. */
public enum IdentityEventKind {
    /** 4624 */ LOGON,
    /** 4625 */ LOGON_FAILED,
    /** 4648 */ EXPLICIT_CREDENTIAL_LOGON,
    /** 4672 */ PRIVILEGED_LOGON,
    /** 4768: a TGT request, successful or not (see status). */ KERBEROS_TGT_REQUEST,
    /** 4769 */ KERBEROS_SERVICE_TICKET_REQUEST,
    /** 4771 */ KERBEROS_PREAUTH_FAILED,
    /** 4776 */ NTLM_VALIDATION,
    /** 8004: the NTLM audit naming the server the client really authenticated to. */ NTLM_AUTHENTICATION,
    /** 4662 carrying a DS-Replication-Get-Changes* control access right. */ REPLICATION_REQUEST,
    /** 4662 otherwise. */ DIRECTORY_OBJECT_ACCESS,
    /** 5136 */ DIRECTORY_OBJECT_MODIFIED,
    /** 5137 */ DIRECTORY_OBJECT_CREATED,
    /** 4720 */ ACCOUNT_CREATED,
    /** 4722 */ ACCOUNT_ENABLED,
    /** 4723 */ PASSWORD_CHANGE,
    /** 4724 */ PASSWORD_RESET,
    /** 4725 */ ACCOUNT_DISABLED,
    /** 4726 */ ACCOUNT_DELETED,
    /** 4738 */ ACCOUNT_MODIFIED,
    /** 4741 */ COMPUTER_CREATED,
    /** 4742 */ COMPUTER_MODIFIED,
    /** 4743 */ COMPUTER_DELETED,
    /** 4728, 4732, 4756 */ GROUP_MEMBER_ADDED,
    /** 4729, 4733, 4757 */ GROUP_MEMBER_REMOVED,
    /** 4765 */ SID_HISTORY_ADDED,
    /** 4766 */ SID_HISTORY_ADD_FAILED,
    /** 4781 */ ACCOUNT_RENAMED,
    /** 4794 */ DSRM_PASSWORD_SET,
    /** 7045, 4697 */ SERVICE_INSTALLED;

    /** Kinds in which an account proves (or tries to prove) who it is. */
    public boolean isAuthentication() {
        return switch (this) {
            case LOGON, LOGON_FAILED, EXPLICIT_CREDENTIAL_LOGON, KERBEROS_TGT_REQUEST,
                 KERBEROS_SERVICE_TICKET_REQUEST, KERBEROS_PREAUTH_FAILED, NTLM_VALIDATION,
                 NTLM_AUTHENTICATION -> true;
            default -> false;
        };
    }
}
