package io.vigil.server.cli;

import picocli.CommandLine.IVersionProvider;

final class VigilVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VigilCli.class.getPackage().getImplementationVersion();
        return new String[] {"vigil " + (v == null ? "development build" : v)};
    }
}
