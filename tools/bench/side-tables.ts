import { SUBCONTRACTOR_NAME } from './snapshot-plan.js';

/** A small table written as is: its header (canonical names) and its rows, in column order. */
export interface FixedTable {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | undefined)[])[];
}

/**
 * The event tables: a few rows each, mostly in order, with one violation apiece: a security
 * incident never reported to the Caf, a review sent late, a subcontractor processing data in
 * India with no transfer safeguards.
 */
export function sideTables(partnerName: string, administratorId: string, deputyEmail: string): FixedTable[] {
  return [
    {
      name: 'incidents',
      header: ['incident_id', 'kind', 'opened_on', 'reported_by', 'urgent', 'partner_name', 'description', 'answered_on', 'escalated_on', 'caf_notified_on', 'closed_on'],
      rows: [
        ['I-2024-001', 'support', '2024-02-12', administratorId, 'false', partnerName, 'Habilitation D2 refusée, message "profil inconnu"', '2024-02-14', undefined, undefined, '2024-02-15'],
        ['S-2024-001', 'security', '2024-03-18', administratorId, 'true', partnerName, 'Poste perdu avec session ouverte', undefined, undefined, '2024-03-19', '2024-03-29'],
        ['I-2024-002', 'support', '2024-04-03', deputyEmail, 'false', partnerName, 'Export des données financières impossible', '2024-04-08', undefined, undefined, '2024-04-09'],
        // Detected, dealt with internally, never reported to the Caf (the security-incident rule).
        ['S-2024-002', 'security', '2024-05-27', administratorId, 'true', partnerName, 'Hameçonnage : identifiants d\'un agent saisis sur un faux site', undefined, undefined, undefined, '2024-06-05'],
      ],
    },
    {
      name: 'reviews',
      header: ['review_id', 'performed_on', 'performed_by', 'sent_to_caf_on'],
      rows: [
        ['REV-2023-09', '2023-09-15', administratorId, '2023-09-22'],
        // Sent seven weeks after it was performed (the review-sent rule).
        ['REV-2024-03', '2024-03-15', administratorId, '2024-05-06'],
      ],
    },
    {
      name: 'meetings',
      header: ['meeting_id', 'kind', 'requested_on', 'request_received_on', 'requested_by', 'held_on', 'minutes_validated_on'],
      rows: [
        ['REU-2024-01', 'on_request', '2024-02-20', '2024-02-22', 'caf', '2024-03-12', '2024-03-26'],
        ['BILAN-2024', 'annual_review', undefined, undefined, undefined, '2024-05-23', '2024-06-10'],
      ],
    },
    {
      name: 'notices',
      header: ['notice_id', 'kind', 'from', 'sent_on', 'received_on', 'effective_on', 'cured_on'],
      rows: [
        ['MED-2024-01', 'breach', 'caf', '2024-01-12', '2024-01-15', undefined, '2024-02-02'],
        ['MED-2024-02', 'breach', 'caf', '2024-03-29', '2024-04-03', undefined, '2024-04-19'],
      ],
    },
    {
      name: 'subcontractors',
      header: ['subcontractor_id', 'name', 'parent_id', 'country', 'data_country', 'legal_regime', 'tasks', 'notified_on', 'starts_on', 'equivalent_guarantees', 'transfer_safeguards'],
      rows: [
        ['PRES-01', SUBCONTRACTOR_NAME, undefined, 'FR', 'FR', 'Droit français', "Saisie des données d'activité pour le compte du partenaire", '2023-05-15', '2023-12-01', 'true', undefined],
        ['PRES-02', 'HébergNord', 'PRES-01', 'FR', 'DE', 'Droit français, hébergement HDS', 'Hébergement des postes de saisie', '2023-05-15', '2023-12-01', 'true', undefined],
        // Outside the EU, no adequacy decision, no safeguards recorded (the transfer rule).
        ['PRES-03', 'Offshore Data Entry Pvt Ltd', 'PRES-01', 'IN', 'IN', 'Indian Contract Act 1872', 'Numérisation des justificatifs', '2023-06-01', '2024-01-02', 'true', undefined],
      ],
    },
  ];
}
