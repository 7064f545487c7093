import type { DataImport } from '@shuzhi/contracts';
import { Button, Descriptions, Divider, Drawer, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { formatDateTime } from '../../ui/format';
import { ImportReport } from './import-report';
import { ImportSummary } from './import-summary';
import { useCancelImport, useDataImport } from './ingest-api';
import { formatBytes, ModeLabel } from './ingest-labels';

const Body = ({ initial }: { initial: DataImport }) => {
  const { t } = useTranslation();
  const { data } = useDataImport(initial.id, initial);
  const imp = data ?? initial;
  const cancel = useCancelImport();
  const showError = useShowError();
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'file', label: t('ingest.fileName'), children: imp.fileName },
          { key: 'size', label: t('ingest.fileSize'), children: formatBytes(imp.fileBytes) },
          { key: 'mode', label: t('ingest.mode'), children: <ModeLabel mode={imp.mode} /> },
          { key: 'by', label: t('ingest.createdBy'), children: imp.createdBy },
          { key: 'at', label: t('ingest.createdAt'), children: formatDateTime(imp.createdAt) },
          { key: 'end', label: t('ingest.finishedAt'), children: formatDateTime(imp.finishedAt) },
        ]}
      />
      <Divider />
      <ImportSummary imp={imp} />
      <Divider />
      <ImportReport imp={imp} />
      {imp.status === 'staged' && (
        // An upload left at the mapping step: its owner may discard it (its file is removed).
        <Flex justify="end" style={{ marginTop: 16 }}>
          <Popconfirm
            title={t('ingest.discardConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => cancel.mutate(imp.id, { onError: (err) => showError(err) })}
          >
            <Button danger loading={cancel.isPending} data-testid="import-discard">
              {t('ingest.discard')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </>
  );
};

/** One import's report, opened from the history table. */
export const ImportDrawer = ({ imp, onClose }: { imp: DataImport | null; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Drawer
      open={!!imp}
      onClose={onClose}
      title={imp ? t('ingest.reportOf', { name: imp.fileName }) : t('ingest.report')}
      size={720}
      destroyOnHidden
      data-testid="import-report-drawer"
    >
      {imp && <Body key={imp.id} initial={imp} />}
    </Drawer>
  );
};
