import type { CatalogImportResult } from '@shuzhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRaw } from '../../app/api-raw';
import { catalogKeys, type View } from './catalog-api';

export type ImportResult = z.infer<typeof CatalogImportResult>;
export type ExportFormat = 'json' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const send = apiRaw;

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
