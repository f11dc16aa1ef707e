import { describe, expect, it } from 'vitest';
import { INTAKE_ATTACHMENTS } from '../../functions/domain/intake.ts';
import { ATTACHMENT_LIMITS } from '../../web/widget/attachment-limits.ts';
import { admitFiles, fileSize } from '../../web/widget/chosen-files.ts';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe("the widget's files", () => {
  it("checks the intake's own limits: its copy is the API's", () => {
    expect(ATTACHMENT_LIMITS).toEqual(INTAKE_ATTACHMENTS);
  });

  it('leaves out a file of another type, a too large one and an empty one, and says which', () => {
    const { admitted, refused } = admitFiles(0, [
      file('invoice.pdf', 'application/pdf'),
      file('setup.exe', 'application/x-msdownload'),
      file('unknown', ''),
      file('scan.png', 'image/png', ATTACHMENT_LIMITS.maxBytes + 1),
      file('blank.txt', 'text/plain', 0),
      file('photo.jpg', 'image/jpeg', ATTACHMENT_LIMITS.maxBytes),
    ]);
    expect(admitted.map((f) => f.name)).toEqual(['invoice.pdf', 'photo.jpg']);
    expect(refused).toEqual([
      { reason: 'type', name: 'setup.exe' },
      { reason: 'type', name: 'unknown' },
      { reason: 'size', name: 'scan.png' },
      { reason: 'empty', name: 'blank.txt' },
    ]);
  });

  it('keeps the first files up to the count with those chosen before, and says the count once', () => {
    const chosen = ['a', 'b', 'c', 'd'].map((name) => file(`${name}.txt`, 'text/plain'));
    const { admitted, refused } = admitFiles(ATTACHMENT_LIMITS.maxFiles - 2, chosen);
    expect(admitted.map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
    expect(refused).toEqual([{ reason: 'count' }]);
  });

  it('gives sizes in kilobytes, or megabytes from one, in the language of the widget', () => {
    expect(fileSize(1, 'en')).toBe('1 kB');
    expect(fileSize(1536 * 1024, 'en')).toBe('1.5 MB');
    expect(fileSize(1536 * 1024, 'pl')).toBe('1,5 MB');
    expect(fileSize(ATTACHMENT_LIMITS.maxBytes, 'pl')).toBe('10 MB');
  });
});
