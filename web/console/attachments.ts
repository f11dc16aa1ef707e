import { useState } from 'preact/hooks';
import type { Api } from '../shared/api-client.ts';
import type { AttachmentUpload, AttachmentUploadBody, ReplyBody } from '../shared/api-types.ts';

/** The API's limit, checked here too so a large file is refused before it is uploaded. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

type ReplyAttachment = NonNullable<ReplyBody['attachments']>[number];

export interface PendingAttachment {
  id: number;
  filename: string;
  size: number;
  state: 'uploading' | 'ready' | 'failed' | 'too-large';
  /** Set once uploaded: what the reply names. */
  file?: ReplyAttachment;
}

let nextId = 0;

/**
 * Files for a reply: each goes straight to the mail bucket through a link the API signs for the
 * case (never through the API and its 6 MB limit); the reply then names the uploaded keys.
 */
export function useAttachments(api: Api, caseId: string) {
  const [files, setFiles] = useState<PendingAttachment[]>([]);
  const update = (id: number, change: Partial<PendingAttachment>) =>
    setFiles((all) => all.map((file) => (file.id === id ? { ...file, ...change } : file)));

  const upload = async (id: number, file: File) => {
    const request: AttachmentUploadBody = { filename: file.name, contentType: file.type || 'application/octet-stream', size: file.size };
    try {
      const { data } = await api<AttachmentUpload>('POST', `/cases/${encodeURIComponent(caseId)}/attachments`, { body: request });
      const stored = await fetch(data!.uploadUrl, { method: 'PUT', headers: { 'content-type': request.contentType }, body: file });
      if (!stored.ok) throw new Error(`upload answered ${stored.status}`);
      update(id, { state: 'ready', file: { key: data!.key, filename: request.filename, contentType: request.contentType } });
    } catch {
      update(id, { state: 'failed' });
    }
  };

  return {
    files,
    add: (chosen: FileList) => {
      for (const file of Array.from(chosen)) {
        const id = nextId++;
        const tooLarge = file.size > MAX_ATTACHMENT_BYTES;
        setFiles((all) => [...all, { id, filename: file.name, size: file.size, state: tooLarge ? 'too-large' : 'uploading' }]);
        if (!tooLarge) void upload(id, file);
      }
    },
    remove: (id: number) => setFiles((all) => all.filter((file) => file.id !== id)),
    clear: () => setFiles([]),
    /** What the reply sends; undefined while any file is on its way or failed, so nothing goes out half attached. */
    ready: (): ReplyAttachment[] | undefined =>
      files.every((file) => file.file) ? files.flatMap((file) => (file.file ? [file.file] : [])) : undefined,
  };
}
