// The checklist workflow (issue 4): item editor, filters, dashboard, tasks, and the options-page cards.
export { DashboardView } from './DashboardView';
export { TasksView } from './TasksView';
export { ItemDetail } from './ItemDetail';
export { ChecklistFilters } from './ChecklistFilters';
export { CriteriaSetsCard } from './CriteriaSetsCard';
export { StorageHealthCard } from './StorageHealthCard';
