import type { Dataset } from '@shuzhi/contracts';
import { App, Button, Card, Descriptions, Flex, InputNumber, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useDpBudget, useSetBudget } from './privacy-api';

/** The dataset's ε budget: how much is spent and left, and setting its total. */
export const DpBudgetCard = ({ dataset }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const budget = useDpBudget(dataset.id);
  const set = useSetBudget(dataset.id);
  const [total, setTotal] = useState<number | null>(null);
  const b = budget.data;
  return (
    <Card title={t('privacy.dp.budget')} data-testid="dp-budget">
      {b && b.epsilonTotal > 0 ? (
        <Flex vertical gap={8}>
          <Progress percent={Math.round((b.epsilonSpent / b.epsilonTotal) * 100)} status="active" />
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('privacy.dp.total')}>{b.epsilonTotal}</Descriptions.Item>
            <Descriptions.Item label={t('privacy.dp.spent')}>{b.epsilonSpent}</Descriptions.Item>
            <Descriptions.Item label={t('privacy.dp.remaining')}>
              <span data-testid="dp-remaining">{b.epsilonRemaining}</span>
            </Descriptions.Item>
          </Descriptions>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('privacy.dp.noBudget')}</Typography.Text>
      )}
      <Space.Compact style={{ marginTop: 12 }}>
        <InputNumber
          aria-label={t('privacy.dp.total')}
          data-testid="dp-budget-input"
          min={0.000001}
          max={100}
          step={0.1}
          value={total ?? b?.epsilonTotal ?? undefined}
          onChange={(v) => setTotal(v)}
        />
        <Button
          data-testid="dp-budget-save"
          loading={set.isPending}
          disabled={total === null}
          onClick={() =>
            total !== null &&
            set.mutate(total, {
              onSuccess: () => {
                setTotal(null);
                void message.success(t('privacy.dp.budgetSaved'));
              },
              onError: (e) => showError(e),
            })
          }
        >
          {t('privacy.dp.setBudget')}
        </Button>
      </Space.Compact>
    </Card>
  );
};
