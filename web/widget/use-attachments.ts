import { useState } from 'preact/hooks';
import { admitFiles, type Refusal } from './chosen-files.ts';
import type { IntakeAttachment } from './intake-fields.ts';
import { uploadFile } from './upload-file.ts';

/** A file the customer chose, and once uploaded, what the submission names it by. */
export interface Chosen {
  id: number;
  file: File;
  uploaded?: IntakeAttachment;
}

/** Every chosen file uploaded, or the first that was not: refused by the API (in its words) or failed on the way. */
export type UploadsOutcome = { kind: 'uploaded'; attachments: IntakeAttachment[] } | { kind: 'refused' | 'failed'; name: string; message?: string };

let nextId = 0;

/**
 * The files chosen for the form. They are uploaded when the form is sent, one after another so the
 * progress names each; a file uploaded before a failure is not uploaded again when the customer retries.
 */
export function useAttachments(api: string) {
  const [files, setFiles] = useState<Chosen[]>([]);
  const remember = (id: number, uploaded: IntakeAttachment) => setFiles((all) => all.map((chosen) => (chosen.id === id ? { ...chosen, uploaded } : chosen)));

  return {
    files,
    /** Adds the files the intake takes; says why the others were left out. */
    choose: (chosen: File[]): Refusal[] => {
      const { admitted, refused } = admitFiles(files.length, chosen);
      setFiles([...files, ...admitted.map((file) => ({ id: nextId++, file }))]);
      return refused;
    },
    remove: (id: number) => setFiles(files.filter((chosen) => chosen.id !== id)),
    /** After the intake found no upload under a key (an old one, say): the next send uploads every file again. */
    forgetUploads: () => setFiles((all) => all.map((chosen) => ({ ...chosen, uploaded: undefined }))),
    upload: async (onFile: (name: string, position: number) => void): Promise<UploadsOutcome> => {
      const attachments: IntakeAttachment[] = [];
      for (const [index, chosen] of files.entries()) {
        let uploaded = chosen.uploaded;
        if (!uploaded) {
          onFile(chosen.file.name, index + 1);
          const outcome = await uploadFile(api, chosen.file);
          if (outcome.kind !== 'uploaded') return { ...outcome, name: chosen.file.name };
          uploaded = outcome.attachment;
          remember(chosen.id, uploaded);
        }
        attachments.push(uploaded);
      }
      return { kind: 'uploaded', attachments };
    },
  };
}
