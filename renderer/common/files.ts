// Files in and out of the renderer, in both homes: inside Electron the shell's dialogs
// (`desktop.*` methods), in a browser a file input, a Blob download and window.print().

import type { ApiResult, Base64File, ExportedFile } from '../../db/api/contract.ts';
import { call, isDesktop } from '../api/client.ts';

export type { Base64File };

export async function readAsBase64(file: File): Promise<Base64File> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return { name: file.name, content: btoa(binary) };
}

function base64ToBlob(content: string): Blob {
  const binary = atob(content);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes]);
}

/**
 * Saves an export: the save dialog on the desktop, a download in a browser. The value is where
 * it went (the path, or the file name of the download), null when the clerk cancelled.
 */
export async function saveExport(file: ExportedFile): Promise<ApiResult<string | null>> {
  if (isDesktop()) return call('desktop.saveFile', { suggestedName: file.fileName, content: file.content });
  const url = URL.createObjectURL(base64ToBlob(file.content));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, value: file.fileName };
}

/**
 * Prints the page (the print CSS hides the navigation): the browser's print dialog, or on the
 * desktop a PDF saved where the clerk chooses (value: its path, null when cancelled).
 */
export async function printPage(suggestedName: string): Promise<ApiResult<string | null>> {
  if (isDesktop()) return call('desktop.printToPdf', { suggestedName });
  window.print();
  return { ok: true, value: null };
}
