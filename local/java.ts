import { spawnSync } from 'node:child_process';

const INSTALL_HINT = [
  'DynamoDB Local needs a Java 17 (or newer) runtime, and none was found on PATH.',
  'Install one, then run the command again:',
  '  Debian/Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless',
  '  macOS:          brew install openjdk@17',
  '  Windows:        winget install Microsoft.OpenJDK.17',
].join('\n');

/** The major version of `java` on PATH, or null when there is none. */
export function javaMajorVersion(): number | null {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** @throws Error with install instructions when Java 17+ is missing. */
export function requireJava17(): void {
  const major = javaMajorVersion();
  if (major === null || major < 17) {
    throw new Error(major === null ? INSTALL_HINT : `${INSTALL_HINT}\n(found Java ${major})`);
  }
}
