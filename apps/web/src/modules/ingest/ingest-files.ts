import type { DataImport, ImportMode, ImportPreview } from '@shuzhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRaw } from '../../app/api-raw';
import { ingestKeys } from './ingest-api';

/** The server streams files of up to 2 GiB. */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;

const contentTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
} as const;
export type ImportFormat = keyof typeof contentTypes;

export const IMPORT_ACCEPT = Object.keys(contentTypes)
  .map((ext) => `.${ext}`)
  .join(',');

/** The format told by the file's extension, or undefined when the server would refuse it. */
export const importFormatOf = (fileName: string): ImportFormat | undefined => {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext && ext in contentTypes ? (ext as ImportFormat) : undefined;
};

const send = apiRaw;

export type StartedImport = { imp: DataImport; alreadyImported: boolean };
type StartVars = { datasetId: string; file: File; mode: ImportMode };

/** Uploads the file as a staged import: the server answers its header, mapping and first rows. */
export const useStageImport = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ datasetId, file, mode }: StartVars): Promise<ImportPreview> => {
      const format = importFormatOf(file.name) ?? 'csv';
      const qs = new URLSearchParams({ mode, filename: file.name, stage: 'true' });
      const response = await send(`/ingest/datasets/${datasetId}/imports?${qs}`, {
        method: 'POST',
        headers: {
          Accept: 'application/json, application/problem+json',
          'Content-Type': contentTypes[format],
        },
        body: file,
      });
      return (await response.json()) as ImportPreview;
    },
    onSuccess: ({ import: imp }) => qc.invalidateQueries({ queryKey: ingestKeys.history(imp.datasetId) }),
  });
};

const fileNameOf = (response: Response, fallback: string): string => {
  const header = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
};

export const rejectsCsvPath = (importId: string) => `/api/v1/ingest/imports/${importId}/rejects.csv`;

/** Downloads the rejected rows through a blob, so the reasons come in the user's language. */
export const downloadRejectsCsv = async (imp: Pick<DataImport, 'id' | 'fileName'>) => {
  const response = await send(`/ingest/imports/${imp.id}/rejects.csv`, {
    headers: { Accept: 'text/csv, application/problem+json' },
  });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, `${imp.fileName.replace(/\.[^.]+$/, '')}-rejects.csv`);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
