package org.shangliang.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Jars of compiled folders, for JVMs that map a start-up cache: they accept jars on the class path, not folders. */
public final class Jars {
  private Jars() {
  }

  /** Writes a jar of everything under folder, folders as entries of their own too, as in a jar Maven builds (pages are served from folders). */
  public static void write(Path folder, Path jarFile, Manifest manifest) throws IOException {
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile), manifest);
         Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(f -> !f.equals(folder)).toList()) {
        String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
        jar.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
        if (Files.isRegularFile(file)) {
          Files.copy(file, jar);
        }
        jar.closeEntry();
      }
    }
  }
}
