package io.vigil.server.secrets;

import io.vigil.server.config.ServerConfig;
import io.vigil.store.VigilDatabase;
import io.vigil.store.secrets.MasterKey;
import io.vigil.store.secrets.SecretStore;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The encrypted store of integration credentials, keyed by {@code --master-key} (VIGIL_MASTER_KEY) or
 * else by the key file in the data folder, created on first start. Back the key up with the database:
 * secrets written under a lost key cannot be read and must be entered again.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    MasterKey masterKey(ServerConfig config) throws IOException {
        return config.masterKey() != null ? MasterKey.fromBase64(config.masterKey()) : MasterKey.fromFile(config.masterKeyFile());
    }

    @Bean
    SecretStore secretStore(VigilDatabase database, MasterKey key) {
        return database.secrets(key);
    }
}
