/**
 * Small hand-kept lexicons of general knowledge: international organisations, well-known companies, world
 * regions and cities, titles, speech verbs and the head words of organisation and place names. They hold no
 * text taken from any evaluated document; names of people are never listed here (they are learnt from each text).
 */

/** `[surface form, canonical name]`; a bare string is its own canonical name. */
export type LexEntry = string | readonly [string, string];

/** International and regional organisations, armed groups and a few state institutions known by one name. */
export const ORGANISATIONS: readonly LexEntry[] = [
  ['UN', 'United Nations'], ['U.N.', 'United Nations'], 'United Nations', ['UNO', 'United Nations'],
  ['UN Security Council', 'United Nations Security Council'], 'United Nations Security Council',
  ['Security Council', 'United Nations Security Council'], ['UNSC', 'United Nations Security Council'],
  ['General Assembly', 'United Nations General Assembly'], 'United Nations General Assembly',
  ['UNGA', 'United Nations General Assembly'], ['Secretariat', 'United Nations Secretariat'],
  ['Human Rights Council', 'United Nations Human Rights Council'], ['UNHRC', 'United Nations Human Rights Council'],
  ['ECOSOC', 'United Nations Economic and Social Council'], 'Economic and Social Council',
  ['International Court of Justice', 'International Court of Justice'], ['ICJ', 'International Court of Justice'],
  ['International Criminal Court', 'International Criminal Court'], ['ICC', 'International Criminal Court'],
  ['IAEA', 'International Atomic Energy Agency'], 'International Atomic Energy Agency',
  ['UNESCO', 'UNESCO'], ['UNICEF', 'UNICEF'], ['UNDP', 'United Nations Development Programme'],
  ['UNEP', 'United Nations Environment Programme'], ['UNHCR', 'UNHCR'], ['UNCTAD', 'UNCTAD'], ['UNRWA', 'UNRWA'],
  ['FAO', 'Food and Agriculture Organization'], 'Food and Agriculture Organization',
  ['WHO', 'World Health Organization'], 'World Health Organization', 'World Health Organisation',
  ['WTO', 'World Trade Organization'], 'World Trade Organization', ['World Trade Organisation', 'World Trade Organization'],
  ['IMF', 'International Monetary Fund'], 'International Monetary Fund', 'World Bank', ['World Bank Group', 'World Bank'],
  ['ILO', 'International Labour Organization'], 'International Labour Organization',
  ['IMO', 'International Maritime Organization'], ['ICAO', 'International Civil Aviation Organization'],
  ['WFP', 'World Food Programme'], 'World Food Programme', ['UNIDO', 'UNIDO'], ['OPCW', 'OPCW'], ['WIPO', 'WIPO'],
  ['NATO', 'NATO'], ['North Atlantic Treaty Organization', 'NATO'], ['OTAN', 'NATO'],
  ['EU', 'European Union'], ['E.U.', 'European Union'], 'European Union', 'European Commission', 'European Parliament',
  'European Council', ['Council of Europe', 'Council of Europe'], ['European Central Bank', 'European Central Bank'],
  ['ECB', 'European Central Bank'], ['OSCE', 'Organization for Security and Co-operation in Europe'],
  ['Organization for Security and Co-operation in Europe', 'Organization for Security and Co-operation in Europe'],
  ['CIS', 'Commonwealth of Independent States'], 'Commonwealth of Independent States',
  ['SCO', 'Shanghai Cooperation Organisation'], 'Shanghai Cooperation Organisation',
  ['Shanghai Cooperation Organization', 'Shanghai Cooperation Organisation'],
  ['CSTO', 'Collective Security Treaty Organisation'], ['Collective Security Treaty Organisation', 'Collective Security Treaty Organisation'],
  ['Collective Security Treaty Organization', 'Collective Security Treaty Organisation'],
  ['EAEU', 'Eurasian Economic Union'], ['EEU', 'Eurasian Economic Union'], 'Eurasian Economic Union',
  ['EurAsEC', 'Eurasian Economic Community'], ['EurAsEc', 'Eurasian Economic Community'], 'Eurasian Economic Community',
  ['CICA', 'Conference on Interaction and Confidence-Building Measures in Asia'],
  'Conference on Interaction and Confidence-Building Measures in Asia',
  ['ASEAN', 'ASEAN'], ['Association of Southeast Asian Nations', 'ASEAN'], ['APEC', 'APEC'], ['African Union', 'African Union'],
  ['AU', 'African Union'], ['Arab League', 'Arab League'], ['League of Arab States', 'Arab League'],
  ['OIC', 'Organisation of Islamic Cooperation'], ['Organisation of Islamic Cooperation', 'Organisation of Islamic Cooperation'],
  ['Organization of Islamic Cooperation', 'Organisation of Islamic Cooperation'], ['OPEC', 'OPEC'],
  ['OECD', 'OECD'], ['G7', 'G7'], ['G8', 'G8'], ['G20', 'G20'], ['G-7', 'G7'], ['G-20', 'G20'], ['BRICS', 'BRICS'],
  ['GCC', 'Gulf Cooperation Council'], 'Gulf Cooperation Council', ['Commonwealth', 'Commonwealth of Nations'],
  ['League of Nations', 'League of Nations'], ['Red Cross', 'Red Cross'], ['ICRC', 'International Committee of the Red Cross'],
  'International Committee of the Red Cross', ['Interpol', 'Interpol'], ['INTERPOL', 'Interpol'],
  ['Asian Development Bank', 'Asian Development Bank'], ['ADB', 'Asian Development Bank'],
  ['EBRD', 'European Bank for Reconstruction and Development'], 'European Bank for Reconstruction and Development',
  ['AIIB', 'Asian Infrastructure Investment Bank'], 'Asian Infrastructure Investment Bank', 'New Development Bank',
  ['Eurasian Development Bank', 'Eurasian Development Bank'], ['Non-Aligned Movement', 'Non-Aligned Movement'],
  ['ISIS', 'Islamic State'], ['ISIL', 'Islamic State'], ['Daesh', 'Islamic State'], ['Islamic State', 'Islamic State'],
  ['Taliban', 'Taliban'], ['al-Qaeda', 'al-Qaeda'], ['Al-Qaeda', 'al-Qaeda'], ['Al Qaeda', 'al-Qaeda'], ['Hamas', 'Hamas'],
  ['Hezbollah', 'Hezbollah'], ['Houthis', 'Houthis'],
  ['State Duma', 'State Duma'], ['Federation Council', 'Federation Council'], ['Duma', 'State Duma'],
  ['Congress', 'United States Congress'], ['Senate', 'Senate'], ['House of Representatives', 'House of Representatives'],
  ['Pentagon', 'United States Department of Defense'], ['DoD', 'United States Department of Defense'],
  ['State Department', 'United States Department of State'],
  ['Kremlin', 'Kremlin'], ['White House', 'White House'], ['Mazhilis', 'Mazhilis'], ['Majilis', 'Mazhilis'],
  ['Bundestag', 'Bundestag'], ['Knesset', 'Knesset'], ['Verkhovna Rada', 'Verkhovna Rada'],
  ['CIA', 'Central Intelligence Agency'], ['FBI', 'Federal Bureau of Investigation'], ['KGB', 'KGB'], ['FSB', 'FSB'],
  ['NSC', 'National Security Council'], ['USAID', 'USAID'], ['NASA', 'NASA'], ['Roscosmos', 'Roscosmos'],
  ['Reuters', 'Reuters'], ['Associated Press', 'Associated Press'], ['AP', 'Associated Press'], ['AFP', 'Agence France-Presse'],
  ['BBC', 'BBC'], ['CNN', 'CNN'], ['CBS News', 'CBS News'], ['CBS', 'CBS'], ['NBC', 'NBC'], ['NBC News', 'NBC News'],
  ['ABC News', 'ABC News'], ['Fox News', 'Fox News'], ['Bloomberg', 'Bloomberg'], ['Financial Times', 'Financial Times'],
  ['The New York Times', 'The New York Times'], ['New York Times', 'The New York Times'], ['Wall Street Journal', 'The Wall Street Journal'],
  ['Washington Post', 'The Washington Post'], ['TASS', 'TASS'], ['RIA Novosti', 'RIA Novosti'], ['Xinhua', 'Xinhua'],
  ['Kazinform', 'Kazinform'], ['Al Jazeera', 'Al Jazeera'], ['CNBC', 'CNBC'], ['NPR', 'NPR'], ['PBS', 'PBS'],
  ['Politico', 'Politico'], ['Axios', 'Axios'],
];

/** Companies known worldwide (general knowledge, roughly the largest listed groups and household brands). */
export const COMPANIES: readonly LexEntry[] = [
  'Apple', 'Microsoft', 'Google', 'Alphabet', 'Amazon', 'Amazon Web Services', 'Meta', ['Meta Platforms', 'Meta Platforms'],
  'Facebook', 'Instagram', 'Twitter', 'Netflix', 'Nvidia', 'NVIDIA', 'Intel', 'AMD', 'Qualcomm', 'IBM', 'Oracle', 'Cisco',
  'Dell', 'HP', 'Samsung', 'Sony', 'Huawei', 'Xiaomi', 'Alibaba', 'Tencent', 'Baidu', 'ByteDance', 'TikTok', 'TSMC',
  'OpenAI', 'Tesla', 'SpaceX', 'Uber', 'PayPal', 'Visa', 'Mastercard', 'American Express', 'Citibank', 'Citigroup',
  'JPMorgan', 'JPMorgan Chase', 'Goldman Sachs', 'Morgan Stanley', 'Bank of America', 'Wells Fargo', 'BlackRock',
  'HSBC', 'Barclays', 'Deutsche Bank', 'UBS', 'Credit Suisse', 'BNP Paribas', 'Sberbank', 'VTB', 'Gazprombank',
  'Chevron', 'ExxonMobil', ['Exxon Mobil', 'ExxonMobil'], 'Exxon', 'Shell', 'BP', 'TotalEnergies', 'Eni',
  'ConocoPhillips', 'Occidental Petroleum', 'Saudi Aramco', 'Aramco', 'ADNOC', ['Abu Dhabi National Oil Company', 'Abu Dhabi National Oil Company'],
  'Gazprom', 'Rosneft', ['LUKOIL', 'Lukoil'], 'Lukoil', 'Novatek', 'Transneft', 'Rosatom', 'Rostec', 'KazMunayGas',
  'Kazatomprom', 'Samruk-Kazyna', 'Sinopec', 'PetroChina', 'CNPC', 'Petrobras', 'Equinor',
  'Boeing', 'Airbus', 'Lockheed Martin', 'Raytheon', 'RTX', 'Northrop Grumman', 'General Dynamics', 'General Electric',
  'GE', 'GE Aerospace', 'GE Vernova', 'Honeywell', 'Siemens', 'Wabtec', 'Caterpillar', 'John Deere', 'Bechtel',
  'Halliburton', 'Schlumberger', 'Baker Hughes', 'Emirates Global Aluminium', 'Emirates Global Aluminum', 'Alcoa', 'Rio Tinto',
  'BHP', 'Glencore', 'ArcelorMittal', 'Nornickel', 'Rusal',
  'Johnson & Johnson', 'Pfizer', 'Moderna', 'Merck', 'AstraZeneca', 'Novartis', 'Roche', 'Sanofi', 'GSK', 'Eli Lilly',
  'AbbVie', 'Bayer', 'Walmart', 'Costco', 'Coca-Cola', 'PepsiCo', 'Nestlé', 'Nestle', "McDonald's", 'Starbucks', 'Nike',
  'Procter & Gamble', 'Unilever', 'General Motors', 'Toyota', 'Honda', 'Volkswagen', 'BMW', 'Mercedes-Benz',
  'Hyundai', 'Kia', 'Stellantis', 'Renault', 'AvtoVAZ', 'KAMAZ', 'Etihad Airways', 'Etihad', 'Emirates Airline',
  'Qatar Airways', 'Aeroflot', 'Air Astana', 'United Airlines', 'American Airlines', 'Lufthansa',
  'FedEx', 'UPS', 'Maersk', 'DP World', 'AT&T', 'Verizon', 'T-Mobile', 'Vodafone', 'Ericsson', 'Nokia', 'Mubadala',
  'Blackstone', 'KKR', 'Carlyle', 'SoftBank', 'Yandex', 'Kaspi', 'Cargill', 'Dow', 'DuPont', '3M',
];

/** Continents, world regions, seas and a few cities that are not capitals but are world-known. */
export const PLACES: readonly LexEntry[] = [
  'Europe', 'Asia', 'Africa', 'North America', 'South America', 'Latin America', 'Antarctica', 'Oceania', 'Australasia',
  'Eurasia', 'Middle East', 'Near East', 'Far East', 'Central Asia', 'South Asia', 'Southeast Asia', 'East Asia',
  'West Asia', 'Western Asia', 'Asia-Pacific', 'Asia Pacific', 'Indo-Pacific', 'Pacific', 'Atlantic', 'Arctic', 'Balkans',
  'Western Balkans', 'Caucasus', 'South Caucasus', 'North Caucasus', 'Transcaucasia', 'Scandinavia', 'Baltics',
  'Eastern Europe', 'Western Europe', 'Central Europe', 'Northern Europe', 'Southern Europe', 'Sahel', 'Horn of Africa',
  'Maghreb', 'Levant', 'Caribbean', 'Central America', 'Sub-Saharan Africa', 'North Africa', 'West Africa',
  'East Africa', 'Southern Africa', 'Persian Gulf', ['Gulf', 'Persian Gulf'], 'Arabian Peninsula',
  ['Korean Peninsula', 'Korean Peninsula'], ['Korean peninsula', 'Korean Peninsula'], 'Crimea', 'Donbas', 'Donbass',
  'Gaza', 'Gaza Strip', 'West Bank', 'Golan Heights', 'Kashmir', 'Tibet', 'Xinjiang', 'Hong Kong', 'Macau', 'Siberia',
  'Aral Sea', 'Caspian Sea', 'Caspian', 'Black Sea', 'Baltic Sea', 'Mediterranean', 'Mediterranean Sea', 'Red Sea',
  'Dead Sea', 'South China Sea', 'East China Sea', 'Sea of Azov', 'Taiwan Strait', 'Strait of Hormuz', 'Suez Canal',
  'Panama Canal', 'Indian Ocean', 'Pacific Ocean', 'Atlantic Ocean', 'Arctic Ocean', 'Amazon Basin',
  'New York', ['New York City', 'New York City'], 'Los Angeles', 'Chicago', 'San Francisco', 'Houston', 'Miami', 'Boston',
  'Seattle', 'Detroit', 'Philadelphia', 'Atlanta', 'Dallas', 'Las Vegas', 'Silicon Valley', 'Camp David',
  ['Washington, DC', 'Washington, D.C.'], ['Washington, D.C.', 'Washington, D.C.'], ['Washington D.C.', 'Washington, D.C.'],
  ['Washington', 'Washington, D.C.'], ['St Petersburg', 'Saint Petersburg'], ['St. Petersburg', 'Saint Petersburg'],
  'Saint Petersburg', 'Sochi', 'Vladivostok', 'Kazan', 'Novosibirsk', 'Yekaterinburg', 'Kaliningrad', 'Murmansk',
  'Almaty', 'Shymkent', 'Karaganda', 'Baikonur', 'Aktau', 'Atyrau', 'Samarkand', 'Bukhara', 'Geneva', 'Davos', 'Zurich',
  'Munich', 'Frankfurt', 'Hamburg', 'Milan', 'Barcelona', 'Istanbul', 'Dubai', 'Jeddah', 'Mecca', 'Shanghai',
  'Hong Kong', 'Guangzhou', 'Shenzhen', 'Wuhan', 'Osaka', 'Hiroshima', 'Nagasaki', 'Mumbai', 'Kolkata', 'Karachi',
  'Lahore', 'Sydney', 'Melbourne', 'Toronto', 'Montreal', 'Vancouver', 'Sao Paulo', 'São Paulo', 'Rio de Janeiro',
  'Johannesburg', 'Cape Town', 'Lagos', 'Aleppo', 'Idlib', 'Mosul', 'Odessa', 'Odesa', 'Kharkiv', 'Mariupol',
  'Sevastopol', 'Donetsk', 'Luhansk', 'Lugansk', 'Minsk', 'Normandy', 'Strasbourg', 'Brussels', 'Hague', 'The Hague',
  ['United Nations Headquarters', 'United Nations Headquarters'], ['UN Headquarters', 'United Nations Headquarters'],
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire',
  'New Jersey', 'New Mexico', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania',
  'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia',
  'West Virginia', 'Wisconsin', 'Wyoming',
];

/** Seats of power standing for a country's head of state in phrases like `the Head of the White House`. */
export const SEATS: ReadonlyMap<string, string> = new Map([
  ['White House', 'United States'], ['Kremlin', 'Russia'], ['Akorda', 'Kazakhstan'], ['Elysee', 'France'],
  ['Élysée', 'France'], ['Élysée Palace', 'France'], ['Blue House', 'South Korea'], ['Zhongnanhai', 'China'],
]);

/**
 * Titles and honorifics that precede a person's name. Multi-word titles are matched word by word, so only single
 * words are listed; `of`-phrases (`Secretary of State`) are handled by the name rules.
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'President', 'Vice', 'Vice-President', 'Prime', 'Minister', 'Premier', 'Chancellor', 'Secretary', 'Secretary-General',
  'Ambassador', 'Envoy', 'Representative', 'Special', 'Deputy', 'Foreign', 'Defence', 'Defense', 'First', 'Lady',
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Sir', 'Dame', 'Lord',
  'King', 'Queen', 'Prince', 'Princess', 'Crown', 'Emir', 'Amir', 'Sheikh', 'Sheik', 'Sultan', 'Pope', 'Patriarch',
  'Senator', 'Sen.', 'Congressman', 'Congresswoman', 'Rep.', 'Governor', 'Gov.', 'Mayor', 'Speaker', 'Leader',
  'Admiral', 'General', 'Gen.', 'Colonel', 'Col.', 'Lieutenant', 'Major', 'Marshal', 'Commander', 'Captain',
  'Chairman', 'Chairwoman', 'Chair', 'Chairperson', 'Director', 'Director-General', 'Commissioner', 'Judge', 'Justice',
  'Attorney', 'Advisor', 'Adviser', 'Spokesperson', 'Spokesman', 'Spokeswoman', 'Coordinator', 'Administrator',
  'Press', 'Assistant', 'Under', 'Undersecretary', 'Principal', 'National', 'Security', 'Chief', 'Executive', 'CEO',
  'Founder', 'Head', 'Akim', 'Governor-General', 'His', 'Her', 'Excellency', 'Majesty', 'Highness', 'Honorable',
  'Honourable', 'Hon.', 'Elder', 'Supreme', 'Sergeant', 'Officer', 'Trade', 'Economy', 'Finance', 'Treasury', 'Interior',
  'Mrs', 'Madam', 'Madame', 'Monsieur', 'Comrade', 'Messrs', 'Messrs.', 'Federal', 'State', 'Acting', 'Former', 'Chargé',
  'Counsellor', 'Counselor', 'Consul', 'Consul-General', 'Rabbi', 'Imam', 'Bishop', 'Archbishop', 'Metropolitan',
  'Президент', 'Министр', 'Премьер-министр', 'Посол', 'Председатель', 'Губернатор', 'Генсек', 'Господин', 'Госпожа',
]);

/** Title words that name the office itself (the head of a title phrase), used to key roles. */
export const OFFICE_WORDS: ReadonlySet<string> = new Set([
  'President', 'Minister', 'Premier', 'Chancellor', 'Secretary', 'Secretary-General', 'Ambassador', 'Envoy',
  'Representative', 'King', 'Queen', 'Prince', 'Emir', 'Amir', 'Sheikh', 'Sultan', 'Pope', 'Senator', 'Governor', 'Mayor',
  'Speaker', 'Leader', 'Chairman', 'Chairwoman', 'Chair', 'Director', 'Director-General', 'Commissioner', 'Advisor',
  'Adviser', 'Spokesperson', 'Spokesman', 'Spokeswoman', 'Coordinator', 'Administrator', 'Akim', 'Head',
  'Президент', 'Министр', 'Премьер-министр', 'Посол', 'Председатель', 'Губернатор',
]);

/**
 * Capitalised words that make up the `of …` complement of a title (`Minister of Foreign Affairs`, `Secretary of the
 * Treasury`, `Chairman of the Board`): the name after a title is read past them.
 */
export const OFFICE_COMPLEMENTS: ReadonlySet<string> = new Set([
  'Foreign', 'Affairs', 'National', 'Economy', 'Economic', 'Commerce', 'Treasury', 'State', 'Defence', 'Defense',
  'Finance', 'Finances', 'Justice', 'Energy', 'Health', 'Healthcare', 'Education', 'Agriculture', 'Trade', 'Industry',
  'Internal', 'Interior', 'Labour', 'Labor', 'Transport', 'Transportation', 'Culture', 'Information', 'Digital',
  'Development', 'Ecology', 'Emergency', 'Emergencies', 'Situations', 'Social', 'Protection', 'Population',
  'Investment', 'Investments', 'Infrastructure', 'Homeland', 'Security', 'Environment', 'Environmental', 'Natural',
  'Resources', 'Water', 'Science', 'Higher', 'Sport', 'Sports', 'Tourism', 'Public', 'Communications', 'Innovation',
  'Innovations', 'Aerospace', 'Integration', 'Planning', 'Budget', 'Veterans', 'Housing', 'Urban', 'Human', 'Services',
  'Staff', 'Board', 'Directors', 'Cabinet', 'Government', 'Administration', 'Cooperation', 'Relations', 'Policy',
  'Operations', 'Management', 'Strategic', 'Strategy', 'Intelligence', 'Customs', 'Revenue', 'Statistics', 'Legal',
  'Media', 'Technology', 'Technologies', 'Construction', 'Industrial', 'Mining', 'Oil', 'Gas', 'Nuclear', 'Power',
  'Competition', 'Enterprise', 'Enterprises', 'Entrepreneurship', 'Family', 'Youth', 'Women', 'Children', 'Religious',
  'Civil', 'Society', 'Climate', 'Food', 'Fisheries', 'Forestry', 'Land', 'Lands', 'Property', 'Regional', 'Local',
  'International', 'European', 'Central', 'Office', 'Council', 'Committee', 'Commission', 'Agency', 'Bank', 'Ministry',
]);

/** Honorifics: a single following capitalised word is a surname (`Mr Putin`). */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Sir', 'Dame', 'Madam', 'Madame',
  'Monsieur', 'Messrs', 'Messrs.', 'MR', 'MR.', 'MRS', 'MRS.', 'MS', 'MS.', 'DR', 'DR.',
]);

/** Verbs that attribute speech; past and present forms as they appear in attributions. */
export const SPEECH_VERBS: readonly string[] = [
  'said', 'says', 'stated', 'states', 'noted', 'notes', 'stressed', 'stresses', 'emphasized', 'emphasised',
  'emphasizes', 'emphasises', 'added', 'adds', 'told', 'tells', 'explained', 'explains', 'remarked', 'highlighted',
  'highlights', 'underlined', 'underscored', 'concluded', 'continued', 'declared', 'announced', 'asked', 'asks',
  'replied', 'replies', 'answered', 'responded', 'commented', 'observed', 'recalled', 'warned', 'insisted', 'affirmed',
  'assured', 'acknowledged', 'argued', 'urged', 'wrote', 'writes', 'tweeted', 'mentioned', 'reiterated', 'confirmed',
  'pointed out', 'points out', 'specified', 'summed up', 'went on', 'admitted', 'claimed', 'suggested', 'proposed',
  'promised', 'vowed', 'recounted', 'joked', 'quipped', 'shared', 'reported', 'informed', 'exclaimed', 'cautioned',
  'maintained', 'contended', 'predicted', 'expressed', 'welcomed', 'thanked',
];

/** Lower-case words that may sit inside a multi-word proper name. */
export const CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'for', 'and', 'on', 'de', 'du', 'des', 'da', 'al', 'el', 'bin', 'von', 'van', 'der', '&', 'in']);

/** Final words that make a capitalised sequence an organisation (`Tax Service`, `EOG Resources`). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'Administration', 'Agency', 'Airways', 'Airlines', 'Aerospace', 'Aluminum', 'Aluminium', 'Assembly', 'Association',
  'Authority', 'Bank', 'Board', 'Bureau', 'Cabinet', 'Centre', 'Center', 'Chamber', 'College', 'Commission', 'Committee',
  'Company', 'Corporation', 'Corp', 'Corp.', 'Council', 'Court', 'Department', 'Directorate', 'Foundation', 'Fund',
  'Government', 'Group', 'Holding', 'Holdings', 'Inc', 'Inc.', 'Industries', 'Institute', 'Institution', 'Ltd', 'Ltd.',
  'LLC', 'Ministry', 'Movement', 'Office', 'Organisation', 'Organization', 'Parliament', 'Party', 'Petroleum',
  'Police', 'Resources', 'School', 'Secretariat', 'Service', 'Services', 'Society', 'Technologies',
  'Union', 'University', 'Academy', 'Army', 'Navy', 'Motors', 'Telecom', 'Communications', 'Pharmaceuticals',
  'Alliance', 'Consortium', 'Federation',
]);

/** Final words that make a capitalised sequence a place (sites, facilities, geographic features). */
export const PLACE_HEADS: ReadonlySet<string> = new Set([
  'Sea', 'Ocean', 'Gulf', 'Bay', 'Strait', 'Lake', 'River', 'Mountains', 'Mountain', 'Desert', 'Valley', 'Island',
  'Islands', 'Peninsula', 'Canal', 'Station', 'Plant', 'Airport', 'Port', 'Harbour', 'Harbor', 'Square', 'Palace',
  'Stadium', 'Hall', 'Corridor', 'Route', 'Museum', 'Park', 'Region', 'Province', 'Oblast', 'Krai', 'Territory',
  'District', 'County', 'City', 'Cosmodrome', 'Dam', 'Bridge', 'Pipeline', 'Field', 'Basin', 'Highway', 'Railway',
]);

/** Capitalised words that start sentences or headings but never start a name. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'To', 'For', 'Of', 'By', 'With', 'From', 'As', 'And', 'But', 'Or', 'Nor', 'So',
  'If', 'When', 'While', 'Since', 'After', 'Before', 'During', 'Under', 'Over', 'Among', 'Between', 'Through', 'Thus',
  'This', 'That', 'These', 'Those', 'It', 'Its', 'We', 'Our', 'Us', 'You', 'Your', 'They', 'Their', 'He', 'She', 'His',
  'Her', 'I', 'My', 'Me', 'Mine', 'There', 'Here', 'Today', 'Yesterday', 'Tomorrow', 'Now', 'Then', 'Also', 'However',
  'Moreover', 'Furthermore', 'Therefore', 'Meanwhile', 'Indeed', 'Yes', 'No', 'Not', 'Thank', 'Thanks', 'Please',
  'Let', 'All', 'Both', 'Each', 'Every', 'Some', 'Many', 'Most', 'Such', 'Other', 'Another', 'What', 'Which', 'Who',
  'Whom', 'Whose', 'Why', 'How', 'Where', 'Whether', 'Although', 'Though', 'Because', 'Unless', 'Until', 'Once',
  'Ladies', 'Gentlemen', 'Colleagues', 'Friends', 'Dear', 'Good', 'Well', 'Okay', 'OK', 'Oh', 'Q', 'QUESTION',
  'Question', 'Answer', 'Note', 'Source', 'Photo', 'Read', 'More', 'Related', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat',
  'Sun', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March',
  'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr',
  'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Do', 'Does', 'Did', 'Is', 'Are', 'Was', 'Were', 'Be',
  'Have', 'Has', 'Had', 'Can', 'Could', 'Will', 'Would', 'Shall', 'Should', 'May', 'Might', 'Must', 'One', 'Two',
  'Three', 'First', 'Second', 'Third', 'Last', 'Next', 'New', 'Just', 'Only', 'Even', 'Still', 'Again', 'Already',
  'Mister', 'Sir', 'Madam', 'Excellency', 'Majesty', 'Highness', 'Great', 'Together', 'Already', 'Again', 'Instead',
  'Regarding', 'Concerning', 'According', 'Despite', 'Against', 'Without', 'Within', 'Across', 'Along', 'Around',
  'Following', 'Including', 'Given', 'Like', 'Unlike', 'Whatever', 'Everyone', 'Everybody', 'Nobody', 'Someone',
  'Anyone', 'Nothing', 'Everything', 'Something', 'Anything', 'Finally', 'Lastly', 'Additionally', 'Recall',
  'Applause', 'Laughter', 'Inaudible', 'Crosstalk', 'End', 'Read', 'Print', 'Share', 'Fact', 'Sheet', 'Readout',
  'Statement', 'Remarks', 'Briefing', 'Transcript', 'Interview', 'Press', 'Conference', 'Meeting', 'Joint', 'Summit',
]);

/** Pronouns that refer back to the last speaker in an attribution (`…,” he emphasized`). */
export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'He', 'She', 'HE', 'SHE']);

/** Nouns that designate an organisation speaking collectively (`the Chinese delegation said`). */
export const ORG_SPEAKER_NOUNS: ReadonlySet<string> = new Set([
  'delegation', 'company', 'ministry', 'government', 'embassy', 'administration', 'department', 'office', 'agency',
  'committee', 'commission', 'council', 'parliament', 'side', 'bank', 'corporation', 'firm', 'group', 'organisation',
  'organization', 'party', 'cabinet', 'presidency', 'secretariat', 'authorities', 'Kremlin', 'Pentagon',
]);
