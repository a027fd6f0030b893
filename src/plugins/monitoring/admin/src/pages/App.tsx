import { Route, Routes } from 'react-router-dom';
import JobsPage from '../jobs/JobsPage';
import MonitoringPage from './MonitoringPage';

/** The Monitoring menu entry: the overview, and the job list under `jobs`. */
const App = () => (
  <Routes>
    <Route index element={<MonitoringPage />} />
    <Route path="jobs" element={<JobsPage />} />
  </Routes>
);

export default App;
