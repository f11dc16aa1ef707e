import { afterEach, describe, expect, it } from 'vitest';
import { javaMajorVersion, requireJava17 } from '../../../local/java.ts';

const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

describe('the Java check before DynamoDB Local starts', () => {
  it('says what to install when there is no java on PATH', () => {
    process.env.PATH = '/nonexistent';

    expect(javaMajorVersion()).toBeNull();
    expect(() => requireJava17()).toThrow(/needs a Java 17.*\n.*\n.*apt-get install -y openjdk-17-jre-headless/);
  });
});
