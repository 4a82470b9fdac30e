import { createRoot } from 'react-dom/client';
import '../../assets/ui.css';
import { UiProvider } from '../../components/i18n';
import { SidePanelApp } from '../../components/SidePanelApp';

createRoot(document.getElementById('root')!).render(
  <UiProvider>
    <SidePanelApp />
  </UiProvider>,
);
