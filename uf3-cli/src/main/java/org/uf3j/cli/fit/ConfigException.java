package org.uf3j.cli.fit;

import org.uf3j.cli.CliException;

/** A problem in the fit configuration: the message is "FILE: KEY.PATH: what is wrong". */
public final class ConfigException extends CliException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String file, String path, String what) {
        super(file + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + what);
    }
}
