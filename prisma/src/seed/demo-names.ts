/**
 * Word lists for demo patients. Invented combinations drawn from common names across many
 * countries, so the demo looks like a real city hospital's register without being anyone.
 */

/** Given names usually borne by women. */
export const FEMALE_GIVEN_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Sophia', 'Grace', 'Freya', 'Emily', 'Charlotte',
  'Hannah', 'Chloe', 'Zara', 'Aisha', 'Fatima', 'Maryam', 'Priya', 'Ananya', 'Mei', 'Yuki',
  'Sofia', 'Lucía', 'Camila', 'Valentina', 'Chiara', 'Giulia', 'Léa', 'Chloé', 'Inès', 'Anna',
  'Katarzyna', 'Zofia', 'Ingrid', 'Astrid', 'Siobhan', 'Niamh', 'Amara', 'Chiamaka', 'Nia', 'Leila',
  'Margaret', 'Dorothy', 'Joan', 'Elsie', 'Irene', 'Beatrice', 'Rosa', 'Elena', 'Noor', 'Ji-woo',
] as const;

/** Given names usually borne by men. */
export const MALE_GIVEN_NAMES = [
  'Oliver', 'George', 'Noah', 'Arthur', 'Leo', 'Harry', 'Jack', 'Thomas', 'James', 'William',
  'Samuel', 'Daniel', 'Adam', 'Omar', 'Yusuf', 'Ibrahim', 'Arjun', 'Rohan', 'Wei', 'Hiroshi',
  'Mateo', 'Santiago', 'Diego', 'Luca', 'Marco', 'Lorenzo', 'Louis', 'Hugo', 'Jakub', 'Piotr',
  'Lars', 'Erik', 'Sean', 'Cian', 'Chinedu', 'Kwame', 'Tariq', 'Mehmet', 'Emre', 'Dmitri',
  'Albert', 'Frank', 'Harold', 'Stanley', 'Walter', 'Ernest', 'Kenji', 'Min-jun', 'Rafael', 'Tomás',
] as const;

/** Given names used for any sex (patients recorded as other or unknown draw from all lists). */
export const NEUTRAL_GIVEN_NAMES = ['Alex', 'Sam', 'Jordan', 'Robin', 'Charlie', 'Riley', 'Morgan', 'Kai', 'Rowan', 'Noa'] as const;

/** Family names. */
export const FAMILY_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
  'Patel', 'Khan', 'Ahmed', 'Hussain', 'Singh', 'Shah', 'Begum', 'Ali', 'Iyer', 'Nair',
  'Nguyen', 'Chen', 'Wang', 'Li', 'Kim', 'Park', 'Tanaka', 'Sato', 'García', 'Rodríguez',
  'Martínez', 'López', 'Fernández', 'Rossi', 'Russo', 'Bianchi', 'Moreau', 'Dubois', 'Lefebvre', 'Müller',
  'Schmidt', 'Schneider', 'Kowalski', 'Nowak', 'Wiśniewska', 'Johansson', 'Andersen', 'Nielsen', "O'Brien", 'Murphy',
  'Kelly', 'Byrne', 'Okafor', 'Adeyemi', 'Mensah', 'Owusu', 'Kamau', 'Mwangi', 'Yilmaz', 'Demir',
  'Ivanova', 'Petrov', 'Cohen', 'Levi', 'Silva', 'Santos', 'Oliveira', 'Haddad', 'Mansour', 'MacDonald',
] as const;

/** Street names for addresses. */
export const STREETS = [
  'High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Park Avenue', 'Mill Lane', 'Queens Road',
  'Kings Crescent', 'Orchard Close', 'Elm Grove', 'Riverside Walk', 'Chapel Street', 'Meadow Way',
  'Harbour Road', 'Linden Gardens', 'Brook Street', 'Hillside Drive', 'Castle Street', 'Willow Court', 'Market Square',
] as const;

/** Towns for addresses. */
export const TOWNS = ['Northbridge', 'Eastford', 'Westmere', 'Southwold Vale', 'Ashby Green', 'Kingsport', 'Fairhaven', 'Millbrook'] as const;

/** Recorded allergies (a patient with allergies has one or two of these). */
export const ALLERGIES = [
  'penicillin', 'latex', 'peanuts', 'tree nuts', 'shellfish', 'sulfonamides', 'aspirin',
  'ibuprofen', 'codeine', 'eggs', 'bee stings', 'iodinated contrast', 'amoxicillin', 'cephalosporins',
] as const;
