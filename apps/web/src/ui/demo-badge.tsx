import { ExperimentOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../app/meta';

/** The "演示环境 / Demo" marker, shown only when the server runs with demo data. */
export const DemoBadge = () => {
  const { t } = useTranslation();
  const { data: meta } = useMeta();
  if (!meta?.demo) return null;
  return (
    <Tooltip title={t('app.demoHint')}>
      <Tag
        data-testid="demo-badge"
        color="orange"
        icon={<ExperimentOutlined aria-hidden />}
        style={{ marginInlineEnd: 0, fontWeight: 600 }}
      >
        {t('app.demo')}
      </Tag>
    </Tooltip>
  );
};
