import type { CatalogImportResult, Problem } from '@shuzhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError } from '../../app/api';
import { currentLocale, i18n } from '../../app/i18n';
import { catalogKeys, type View } from './catalog-api';

export type ImportResult = z.infer<typeof CatalogImportResult>;
export type ExportFormat = 'json' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const failure = (status: number, statusText: string, text: string): ApiError => {
  try {
    const body = JSON.parse(text) as Problem;
    if (body && typeof body === 'object' && 'code' in body) return new ApiError(body);
  } catch {
    // Not a problem document: fall through to a generic message.
  }
  return new ApiError({
    type: 'about:blank',
    title: statusText || 'Error',
    status,
    code: status === 0 ? 'network' : 'http',
    detail: i18n.t(status === 0 ? 'common.networkError' : 'common.unknownError'),
  });
};

// `api` always sends and expects JSON; files travel as raw bytes here.
const send = async (path: string, init: RequestInit): Promise<Response> => {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      ...init,
      credentials: 'same-origin',
      headers: { 'Accept-Language': currentLocale(), ...(init.headers as Record<string, string>) },
    });
  } catch {
    throw failure(0, '', '');
  }
  if (!response.ok) throw failure(response.status, response.statusText, await response.text());
  return response;
};

const fileNameOf = (response: Response, fallback: string): string => {
  const header = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
};

/** Downloads the catalog of one view as JSON or XLSX through a blob, so failures show as messages. */
export const downloadCatalog = async (format: ExportFormat, view: View) => {
  const response = await send(`/catalog/export?format=${format}&view=${view}`, {
    headers: { Accept: `${format === 'json' ? 'application/json' : XLSX_TYPE}, application/problem+json` },
  });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, `catalog-${view}.${format}`);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

export const isXlsx = (file: File) => file.name.toLowerCase().endsWith('.xlsx') || file.type === XLSX_TYPE;

/** Sends a .json or .xlsx catalog file as the raw request body. */
export const useImportCatalog = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<ImportResult> => {
      const response = await send('/catalog/import', {
        method: 'POST',
        headers: {
          Accept: 'application/json, application/problem+json',
          'Content-Type': isXlsx(file) ? XLSX_TYPE : 'application/json',
        },
        body: file,
      });
      return (await response.json()) as ImportResult;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: catalogKeys.all }),
  });
};
