package org.uf3j.cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
@Command(name = "lammps-input")
public final class LammpsInputCommand implements Callable<Integer> { public Integer call() { return 0; } }
