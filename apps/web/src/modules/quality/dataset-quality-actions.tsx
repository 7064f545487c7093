import { LineChartOutlined, MessageOutlined } from '@ant-design/icons';
import type { Dataset } from '@shuzhi/contracts';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { RaiseComplaintModal } from './complaint-modals';
import { canRaiseComplaint } from './quality-policy';

/** The dataset page's way into quality: its scores and problems, and 质量申诉 (raise a complaint). */
export const DatasetQualityActions = ({ dataset }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [raising, setRaising] = useState(false);
  if (dataset.status !== 'published') return null;
  return (
    <>
      <Button
        icon={<LineChartOutlined aria-hidden />}
        data-testid="dataset-quality"
        onClick={() => navigate(`/workspace/quality/datasets/${dataset.id}`)}
      >
        {t('quality.open')}
      </Button>
      {canRaiseComplaint(me, dataset) && (
        <Button
          icon={<MessageOutlined aria-hidden />}
          data-testid="dataset-complain"
          onClick={() => setRaising(true)}
        >
          {t('quality.complaints.raise')}
        </Button>
      )}
      <RaiseComplaintModal dataset={dataset} open={raising} onClose={() => setRaising(false)} />
    </>
  );
};
