import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  WarningOutlined,
} from '@ant-design/icons';
import { Spin, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Verdict } from './access-verify';

/** The outcome of the in-browser inclusion check of one ledger entry. */
export const VerdictTag = ({ verdict, index }: { verdict: Verdict; index: number }) => {
  const { t } = useTranslation();
  const testId = `mydata-verdict-${index}`;
  switch (verdict.state) {
    case 'checking':
      return <Spin size="small" data-testid={testId} />;
    case 'verified':
      return (
        <Tooltip title={t('myData.accesses.verifiedHint', { size: verdict.size })}>
          <Tag color="success" icon={<CheckCircleFilled aria-hidden />} data-testid={testId}>
            {t('myData.accesses.verified')}
          </Tag>
        </Tooltip>
      );
    case 'failed':
      return (
        <Tooltip title={t('myData.accesses.failedHint')}>
          <Tag color="error" icon={<CloseCircleFilled aria-hidden />} data-testid={testId}>
            {t('myData.accesses.failed')}
          </Tag>
        </Tooltip>
      );
    case 'pending':
      return (
        <Tooltip title={t('myData.accesses.pendingHint')}>
          <Tag icon={<ClockCircleOutlined aria-hidden />} data-testid={testId}>
            {t('myData.accesses.pending')}
          </Tag>
        </Tooltip>
      );
    default:
      return (
        <Tooltip title={verdict.message}>
          <Tag color="warning" icon={<WarningOutlined aria-hidden />} data-testid={testId}>
            {t('myData.accesses.error')}
          </Tag>
        </Tooltip>
      );
  }
};
