// Files in and out of the renderer, in both homes: inside Electron the shell's dialogs
// (`desktop.*` methods), in a browser a file input, a Blob download and window.print().

import type { ApiError } from '../../db/api/contract.ts';
import { call, isDesktop } from '../api/client.ts';

/** A file as the API carries it: name and base64 content. */
export interface Base64File {
  readonly name: string;
  readonly content: string;
}

/** An export as the API returns it. */
export interface ExportedFile {
  readonly fileName: string;
  readonly content: string;
}

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

/** Saves an export: the save dialog on the desktop, a download in a browser. Returns an error or null. */
export async function saveExport(file: ExportedFile): Promise<ApiError | null> {
  if (isDesktop()) {
    const result = await call('desktop.saveFile', { suggestedName: file.fileName, content: file.content });
    return result.ok ? null : result.error;
  }
  const url = URL.createObjectURL(base64ToBlob(file.content));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return null;
}

/** Prints the page (the print CSS hides the navigation): to PDF on the desktop, the browser's dialog otherwise. */
export async function printPage(suggestedName: string): Promise<ApiError | null> {
  if (!isDesktop()) {
    window.print();
    return null;
  }
  const result = await call('desktop.printToPdf', { suggestedName });
  return result.ok ? null : result.error;
}
