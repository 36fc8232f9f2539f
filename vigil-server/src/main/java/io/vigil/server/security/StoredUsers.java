package io.vigil.server.security;

import io.vigil.model.user.UserAccount;
import io.vigil.store.VigilDatabase;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Local accounts from the store, each with its one role as {@code ROLE_<ROLE>}. */
@Component
class StoredUsers implements UserDetailsService {

    private final VigilDatabase database;

    StoredUsers(VigilDatabase database) {
        this.database = database;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = database.users().find(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        String hash = database.users().passwordHash(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(account.username())
                .password(hash)
                .disabled(!account.enabled())
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())))
                .build();
    }
}
