import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Problem } from '@shuzhi/contracts';
import { Alert, App, Button, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import type { View } from './catalog-api';
import { downloadCatalog, type ExportFormat, type ImportResult, useImportCatalog } from './catalog-files';

type RowError = NonNullable<Problem['errors']>[number];
type Outcome = { result: ImportResult } | { detail: string; errors: RowError[] };

/** Export buttons for the current view. */
export const ExportButtons = ({ view }: { view: View }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ExportFormat>();
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await downloadCatalog(format, view);
    } catch (err) {
      void message.error(isApiError(err) ? err.problem.detail : t('catalog.exportFailed'));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <>
      {(['json', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined aria-hidden />}
          loading={busy === format}
          data-testid={`catalog-export-${format}`}
          onClick={() => void run(format)}
        >
          {format === 'json' ? t('catalog.exportJson') : t('catalog.exportXlsx')}
        </Button>
      ))}
    </>
  );
};

/** Upload of a .json/.xlsx catalog file; the outcome (counts or row errors) opens in a dialog. */
export const ImportButton = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importCatalog = useImportCatalog();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const start = (file: File) => {
    if (!/\.(json|xlsx)$/i.test(file.name)) {
      void message.error(t('catalog.importWrongType'));
      return;
    }
    importCatalog.mutate(file, {
      onSuccess: (result) => setOutcome({ result }),
      onError: (err) =>
        setOutcome({
          detail: isApiError(err) ? err.problem.detail : t('common.unknownError'),
          errors: isApiError(err) ? (err.problem.errors ?? []) : [],
        }),
    });
  };
  return (
    <>
      <Upload
        accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          start(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button
          icon={<UploadOutlined aria-hidden />}
          loading={importCatalog.isPending}
          title={t('catalog.importHint')}
          data-testid="catalog-import"
        >
          {importCatalog.isPending ? t('catalog.importing') : t('catalog.import')}
        </Button>
      </Upload>
      <Modal
        open={!!outcome}
        title={t('catalog.importResult')}
        onCancel={() => setOutcome(null)}
        onOk={() => setOutcome(null)}
        okText={t('common.close')}
        cancelButtonProps={{ style: { display: 'none' } }}
        width={720}
      >
        {outcome && 'result' in outcome && (
          <Alert
            type="success"
            showIcon
            data-testid="catalog-import-result"
            title={t('catalog.importDone', outcome.result)}
          />
        )}
        {outcome && 'errors' in outcome && (
          <>
            <Alert
              type="error"
              showIcon
              title={t('catalog.importFailed')}
              description={outcome.detail}
              style={{ marginBottom: 12 }}
            />
            {outcome.errors.length > 0 && (
              <Table<RowError & { n: number }>
                data-testid="catalog-import-errors"
                rowKey="n"
                size="small"
                pagination={outcome.errors.length > 20 ? { pageSize: 20 } : false}
                dataSource={outcome.errors.map((e, n) => ({ ...e, n }))}
                columns={[
                  {
                    key: 'field',
                    title: t('catalog.importRow'),
                    render: (_, e) => <Typography.Text code>{e.field}</Typography.Text>,
                  },
                  { key: 'message', title: t('catalog.importMessage'), dataIndex: 'message' },
                ]}
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
};
