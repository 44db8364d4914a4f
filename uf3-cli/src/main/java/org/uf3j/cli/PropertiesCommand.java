package org.uf3j.cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
@Command(name = "properties")
public final class PropertiesCommand implements Callable<Integer> { public Integer call() { return 0; } }
