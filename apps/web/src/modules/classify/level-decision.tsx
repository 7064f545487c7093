import { CheckOutlined } from '@ant-design/icons';
import type { ClassifyRun, Dataset, Level } from '@shuzhi/contracts';
import {
  Alert,
  Button,
  type ButtonProps,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { LevelTag, useCatalogLabels } from '../catalog/catalog-labels';

type Props = {
  run: ClassifyRun;
  dataset: Dataset;
  level: Level;
  comment: string;
  onLevel: (level: Level) => void;
  onComment: (comment: string) => void;
  onConfirm: () => void;
  confirming: boolean;
  editable: boolean;
};

/** The dataset level: current against suggested, why, and the data officer's choice. */
export const LevelDecision = (p: Props) => {
  const { t } = useTranslation();
  const labels = useCatalogLabels();
  const items = [
    { key: 'current', label: t('classify.currentLevel'), children: <LevelTag level={p.dataset.level} /> },
    {
      key: 'suggested',
      label: t('classify.suggestedLevel'),
      children: (
        <span data-testid="classify-suggested-level">
          <LevelTag level={p.run.level} />
        </span>
      ),
    },
    {
      key: 'reasons',
      label: t('classify.reasons'),
      span: 'filled' as const,
      children: p.run.reasons.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {p.run.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : (
        t('classify.noReasons')
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      <Typography.Text type="secondary">{t('classify.l4Hint')}</Typography.Text>
      {p.editable && (
        <Form layout="inline" component="div" style={{ rowGap: 12, alignItems: 'center' }}>
          <Form.Item label={t('classify.chosenLevel')} htmlFor="classify-level">
            <Select
              id="classify-level"
              style={{ width: 160 }}
              value={p.level}
              options={labels.options.level}
              onChange={p.onLevel}
              data-testid="classify-level"
            />
          </Form.Item>
          <Form.Item
            label={t('classify.comment')}
            htmlFor="classify-comment"
            style={{ flex: 1, minWidth: 280 }}
          >
            <Input
              id="classify-comment"
              value={p.comment}
              maxLength={500}
              placeholder={t('classify.commentPlaceholder')}
              onChange={(e) => p.onComment(e.target.value)}
              data-testid="classify-comment"
            />
          </Form.Item>
          <Popconfirm
            title={t('classify.confirmTitle')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ 'data-testid': 'classify-confirm-ok' } as ButtonProps}
            onConfirm={p.onConfirm}
          >
            <Button
              type="primary"
              icon={<CheckOutlined aria-hidden />}
              loading={p.confirming}
              data-testid="classify-confirm"
            >
              {t('classify.confirm')}
            </Button>
          </Popconfirm>
        </Form>
      )}
      {!p.editable && !p.run.confirmation && (
        <Alert type="info" showIcon title={t('classify.cannotConfirm')} />
      )}
    </Flex>
  );
};
