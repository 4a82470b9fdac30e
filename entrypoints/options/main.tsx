import { createRoot } from 'react-dom/client';
import '../../assets/ui.css';
import { UiProvider } from '../../components/i18n';
import { SetupPage } from '../../components/SetupPage';

createRoot(document.getElementById('root')!).render(
  <UiProvider>
    <SetupPage />
  </UiProvider>,
);
