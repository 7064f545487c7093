import { FileProtectOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplicable } from './access-api';
import { ApplyModal } from './apply-modal';

/**
 * 申请使用 / Apply: for a dataset open on conditions, opens the application form (after sign-in to an
 * open data account when needed). Renders nothing for datasets that need no application.
 */
export const ApplyButton = ({ datasetCode }: { datasetCode: string }) => {
  const { t } = useTranslation();
  const { data: dataset } = useApplicable(datasetCode);
  const [open, setOpen] = useState(false);
  if (dataset?.openType !== 'conditional') return null;
  if (dataset.level === 'L4')
    return (
      <Tooltip title={t('openAccess.apply.closed')}>
        <Button disabled icon={<FileProtectOutlined aria-hidden />}>
          {t('openAccess.apply.button')}
        </Button>
      </Tooltip>
    );
  return (
    <>
      <Button
        type="primary"
        icon={<FileProtectOutlined aria-hidden />}
        onClick={() => setOpen(true)}
        data-testid="apply-button"
      >
        {t('openAccess.apply.button')}
      </Button>
      <ApplyModal dataset={dataset} open={open} onClose={() => setOpen(false)} />
    </>
  );
};
