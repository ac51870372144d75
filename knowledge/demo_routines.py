"""The demo routines' text: who does what, when, with which form or contact.

Written for this portal (no text copied from elsewhere); names of forms, units and phone
numbers are made up, with each municipality's own area code (Kalmar 0480, Södertälje and
Österåker 08, Norrtälje 0176). A shared routine in the common knowledge bank may have a
local version in a municipality's bank (`local_of`), which says what differs there.

Each routine is a dict; `steps` is a list of ("steps", heading, [(title, text), ...]),
("checklist", heading, [items]), ("callout", kind, heading, text), ("contact", partner
organisation, contact name, note), ("table", caption, columns, rows) or ("link", slug,
text before, link text, text after): a paragraph linking another demo routine by page id.
"""

SHARED = "shared"

ROUTINES = [
    # --- the common knowledge bank ------------------------------------------------------
    {
        "bank": SHARED,
        "slug": "skolstart-nyanlanda",
        "title": "Skolstart för nyanlända ungdomar",
        "owner": "ada",
        "days": 40,
        "topics": ["Skola", "Språk"],
        "municipality": "all",
        "summary": "Så förbereder boendet och socialtjänsten en ungdoms första skoldag, "
        "från anmälan om skolplats till uppföljningen efter en månad.",
        "purpose": "Att ingen ungdom ska vänta på skolplats längre än en månad.",
        "applies_to": "Kontaktpersoner på HVB och stödboende, handläggare för ensamkommande.",
        "role": "Samordnare för ensamkommande",
        "steps": [
            (
                "steps",
                "Före skolstart",
                [
                    (
                        "Anmäl behov av skolplats",
                        "Handläggaren anmäler till kommunens mottagning för nyanlända elever "
                        "samma vecka som ungdomen kommer. Ange språk och tidigare skolgång "
                        "om den är känd.",
                    ),
                    (
                        "Boka kartläggningssamtal",
                        "Skolan kallar till kartläggning av tidigare skolgång inom två "
                        "veckor. Kontaktpersonen följer med.",
                    ),
                    (
                        "Ordna tolk till kartläggningen",
                        "Skolan bokar tolk på ungdomens starkaste språk; boendet påminner "
                        "om det behövs.",
                    ),
                    (
                        "Följ upp efter en månad",
                        "Kontaktpersonen stämmer av närvaro och trivsel med mentorn och "
                        "skriver kort om det i genomförandeplanen.",
                    ),
                ],
            ),
            ("callout", "tip", "Tips", "Be om ett skriftligt schema som ungdomen kan ta med hem."),
        ],
    },
    {
        "bank": SHARED,
        "slug": "sip",
        "title": "Samordnad individuell plan (SIP)",
        "owner": "ada",
        "days": 75,
        "topics": ["Hälsa", "Skola"],
        "municipality": "all",
        "summary": "När kommunen och regionen båda ger insatser kallar den som först ser "
        "behovet till SIP-möte; planen säger vem som gör vad och när det följs upp.",
        "purpose": "Att en ungdom med insatser från både kommun och region får en enda "
        "plan och vet vem som håller ihop den.",
        "applies_to": "Socialtjänst, elevhälsa, BUP, primärvård och boenden.",
        "role": "Den som kallar till SIP (oftast handläggaren)",
        "steps": [
            (
                "steps",
                "Från behov till plan",
                [
                    (
                        "Fråga om samtycke",
                        "Ungdomen (och god man eller vårdnadshavare) ger samtycke till att "
                        "parterna talar med varandra. Skriv ned vilka som omfattas.",
                    ),
                    (
                        "Kalla inom två veckor",
                        "Den som ser behovet skickar kallelse med blanketten "
                        "<b>SIP-kallelse</b> till alla som ska delta, med förslag på tid.",
                    ),
                    (
                        "Håll mötet med ungdomen",
                        "Utse en huvudansvarig för planen. Skriv mål, vem som gör vad och "
                        "datum för uppföljning direkt i SIP-mallen på mötet.",
                    ),
                    (
                        "Skicka planen",
                        "Huvudansvarig skickar den färdiga planen till alla deltagare inom "
                        "en vecka och bokar uppföljningen.",
                    ),
                ],
            ),
            (
                "callout",
                "info",
                "Skyldighet enligt lag",
                "Kommun och region ska upprätta en SIP när den enskilde behöver insatser "
                "från båda och samtycker till det.",
            ),
        ],
    },
    {
        "bank": SHARED,
        "slug": "skolfranvaro",
        "title": "Upprepad skolfrånvaro – skola och socialtjänst",
        "owner": "ada",
        "days": 25,
        "topics": ["Skola"],
        "municipality": "all",
        "summary": "Vad mentor, elevhälsa, boende och socialtjänst gör vid skolfrånvaro hos "
        "en placerad ungdom: från första ogiltiga frånvaron till SIP.",
        "purpose": "Att frånvaro upptäcks tidigt och att skola och boende agerar tillsammans "
        "innan ungdomen tappar kontakten med skolan.",
        "applies_to": "Mentorer, elevhälsan, kontaktpersoner på boenden och handläggare.",
        "role": "Rektor och ansvarig handläggare",
        "steps": [
            (
                "steps",
                "Trappan vid frånvaro",
                [
                    (
                        "Samma dag",
                        "Skolan meddelar boendet vid ogiltig frånvaro före klockan tio. "
                        "Kontaktpersonen tar reda på var ungdomen är.",
                    ),
                    (
                        "Efter tre dagars frånvaro på en månad",
                        "Mentorn och kontaktpersonen pratar med ungdomen om orsaken, utan "
                        "att skuldbelägga, och skriver ned vad som sades.",
                    ),
                    (
                        "Vid fortsatt frånvaro",
                        "Elevhälsan utreder orsaken (hälsa, sömn, språk, stämning i "
                        "klassen) och rektor informerar ansvarig handläggare.",
                    ),
                    (
                        "Gemensam plan",
                        "Handläggaren kallar till ett möte med skola, boende och ungdom. "
                        "Behövs insatser från vården också skrivs en SIP.",
                    ),
                ],
            ),
            (
                "link",
                "sip",
                "Så kallar du till ett planeringsmöte med vården: ",
                "Samordnad individuell plan (SIP)",
                ".",
            ),
        ],
    },
    {
        "bank": SHARED,
        "slug": "mottagande-ensamkommande",
        "title": "Mottagande av ensamkommande barn",
        "owner": "ada",
        "days": 55,
        "topics": ["Etablering", "Boende"],
        "municipality": "all",
        "summary": "Från Migrationsverkets anvisning till den första planeringen: "
        "utredning, placering, god man, hälsa och skola under de första veckorna.",
        "purpose": "Att ett barn som kommer utan vårdnadshavare får boende, en god man "
        "och en plan inom de första veckorna.",
        "applies_to": "Mottagningsgruppen, handläggare och boenden.",
        "role": "Mottagningsgruppens samordnare",
        "steps": [
            (
                "steps",
                "De första veckorna",
                [
                    (
                        "Ta emot anvisningen",
                        "Samordnaren registrerar anvisningen från Migrationsverket samma "
                        "dag och utser en handläggare.",
                    ),
                    (
                        "Ordna boende",
                        "Handläggaren placerar i jourhem, HVB eller stödboende efter ålder "
                        "och behov, och ger boendet placeringsbeslutet.",
                    ),
                    (
                        "Ansök om god man",
                        "Handläggaren ansöker om god man hos överförmyndaren inom en vardag.",
                    ),
                    (
                        "Hälsa och skola",
                        "Boendet bokar hälsoundersökning och anmäler behov av skolplats "
                        "inom två veckor.",
                    ),
                    (
                        "Utredning och plan",
                        "Handläggaren inleder utredning och skriver en vårdplan; "
                        "genomförandeplanen görs tillsammans med boendet och barnet.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": SHARED,
        "slug": "boendeplanering",
        "title": "Boendeplanering inför 18 år",
        "owner": "ada",
        "days": 130,
        "topics": ["Boende", "Etablering"],
        "municipality": "all",
        "summary": "Senast ett halvår före artonårsdagen gör handläggaren och ungdomen en "
        "boendeplan: var ungdomen ska bo, vad det kostar och vem som stöttar.",
        "purpose": "Att ingen står utan boende när placeringen upphör.",
        "applies_to": "Handläggare, boenden och god man.",
        "role": "Ansvarig handläggare",
        "steps": [
            (
                "steps",
                "Planen steg för steg",
                [
                    (
                        "Sex månader före 18 år",
                        "Handläggaren bokar ett planeringssamtal med ungdomen, "
                        "kontaktpersonen och god man.",
                    ),
                    (
                        "Skriv boendeplanen",
                        "Planen tar upp boendeform, hyra, försörjning, studier och vem "
                        "ungdomen kan ringa. Mallen finns i verksamhetssystemet.",
                    ),
                    (
                        "Sök boende",
                        "Ungdomen ställer sig i bostadskö; handläggaren undersöker "
                        "träningslägenhet eller stödboende om det behövs.",
                    ),
                    (
                        "Följ upp varje månad",
                        "Kontaktpersonen går igenom planen med ungdomen varje månad "
                        "fram till flytten.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": SHARED,
        "slug": "god-man",
        "title": "Samarbete med god man",
        "owner": "ada",
        "days": 10,
        "topics": ["Etablering"],
        "municipality": None,
        "summary": "Vad god man ska få veta och när: placering, skola, vård, pengar och "
        "större beslut om ungdomen.",
        "purpose": "Att god man kan företräda ungdomen och inte får veta viktiga saker i "
        "efterhand.",
        "applies_to": "Handläggare och kontaktpersoner på boenden.",
        "role": "Handläggare",
        "steps": [
            (
                "steps",
                "Kontakten med god man",
                [
                    (
                        "Vid placering",
                        "Handläggaren skickar kontaktuppgifter till boendet och "
                        "kontaktpersonen till god man samma vecka.",
                    ),
                    (
                        "Inför beslut",
                        "God man ska tillfrågas före byte av skola, planerad vård och "
                        "ansökningar som ungdomen skriver under.",
                    ),
                    (
                        "Löpande",
                        "Kontaktpersonen ringer god man minst en gång i månaden och "
                        "vid händelser som rör ungdomens hälsa eller säkerhet.",
                    ),
                ],
            ),
            (
                "checklist",
                "God man ska alltid få",
                ["Placeringsbeslutet", "Skolschema", "Kallelser till vården", "Vårdplanen"],
            ),
        ],
    },
    {
        "bank": SHARED,
        "slug": "tandvard",
        "title": "Tandvård för ungdomar",
        "owner": "ada",
        "days": 330,
        "topics": ["Hälsa"],
        "municipality": None,
        "summary": "Kallelser till folktandvården, vad man gör vid akut tandvärk på "
        "kvällar och helger och vilka avgifter som gäller efter 23 år.",
        "purpose": "Att ungdomarna får den fria tandvård de har rätt till.",
        "applies_to": "Kontaktpersoner på boenden.",
        "role": "Kontaktperson",
        "steps": [
            (
                "steps",
                "Tandvården",
                [
                    (
                        "Första undersökningen",
                        "Boendet anmäler ungdomen till folktandvården i samband med "
                        "hälsoundersökningen.",
                    ),
                    (
                        "Akut tandvärk",
                        "Dagtid: ring ungdomens tandvårdsklinik. Kvällar och helger: ring "
                        "1177 för hänvisning till jourtandvård.",
                    ),
                    (
                        "Avgifter",
                        "Tandvård är fri till och med det år ungdomen fyller 23. Därefter "
                        "gäller vuxentaxa; missade besök kan kosta även före 23.",
                    ),
                ],
            ),
        ],
    },
    # --- Kalmar -------------------------------------------------------------------------
    {
        "bank": "kalmar",
        "slug": "skolstart",
        "title": "Skolstart i Kalmar",
        "owner": "karin",
        "days": 200,
        "topics": ["Skola"],
        "municipality": "kalmar",
        "local_of": "skolstart-nyanlanda",
        "summary": "I Kalmar går anmälan om skolplats via mottagningsenheten för nyanlända "
        "elever; i övrigt gäller den gemensamma rutinen.",
        "role": "Enhetschef HVB",
        "steps": [
            (
                "steps",
                "Så gör vi i Kalmar",
                [
                    (
                        "Anmäl behov av skolplats",
                        "Via mottagningsenheten för nyanlända elever, 0480-36 02 40, med "
                        "blanketten <b>Anmälan nyanländ elev</b>.",
                    ),
                    (
                        "Kartläggning på Kalmarsundsgymnasiet",
                        "Ungdomar över 16 år kartläggs på språkintroduktionen; boendet "
                        "följer med första gången.",
                    ),
                    (
                        "Tolk",
                        "Skolan bokar tolk via kommunens tolkförmedling.",
                    ),
                    (
                        "Följ upp efter en månad",
                        "Kontaktpersonen stämmer av närvaro och trivsel med mentorn.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "kalmar",
        "slug": "skolfranvaro",
        "title": "Skolfrånvaro i Kalmar",
        "owner": "karin",
        "days": 45,
        "topics": ["Skola"],
        "municipality": "kalmar",
        "local_of": "skolfranvaro",
        "summary": "Vid skolfrånvaro hör Kalmars HVB och Kalmarsundsgymnasiet av sig till "
        "varandra samma förmiddag; skolkuratorn håller i frånvaroutredningen.",
        "role": "Enhetschef HVB",
        "steps": [
            (
                "steps",
                "Så gör vi i Kalmar",
                [
                    (
                        "Frånvaroanmälan",
                        "Boendet sjukanmäler ungdomen i skolans app före klockan åtta. "
                        "Saknas anmälan ringer mentorn boendets kontor före tio.",
                    ),
                    (
                        "Tre dagar på en månad",
                        "Kontaktpersonen och mentorn har ett samtal med ungdomen och "
                        "meddelar handläggaren på socialtjänsten barn och unga.",
                    ),
                    (
                        "Frånvaroutredning",
                        "Skolkuratorn leder utredningen tillsammans med elevhälsan och "
                        "bjuder in kontaktpersonen.",
                    ),
                    (
                        "SIP vid behov",
                        "Finns psykisk ohälsa med i bilden kallar handläggaren BUP till SIP-möte.",
                    ),
                ],
            ),
            ("contact", "Kalmarsundsgymnasiet", "Kristin Olsson", "Frånvaroutredning"),
        ],
    },
    {
        "bank": "kalmar",
        "slug": "sip",
        "title": "SIP i Kalmar län",
        "owner": "karin",
        "days": 160,
        "topics": ["Hälsa"],
        "municipality": "kalmar",
        "local_of": "sip",
        "summary": "I Kalmar län kallar kommunen och regionen till SIP med länets "
        "gemensamma kallelseblankett; BUP deltar på plats eller digitalt.",
        "role": "Handläggare barn och unga",
        "steps": [
            (
                "steps",
                "Så gör vi i Kalmar",
                [
                    (
                        "Kallelse",
                        "Använd länets kallelseblankett och skicka den med säker e-post "
                        "till BUP:s kontaktadress.",
                    ),
                    (
                        "Mötet",
                        "Mötet hålls på socialkontoret eller digitalt. Boka tolk om "
                        "ungdomen eller god man behöver det.",
                    ),
                    (
                        "Uppföljning",
                        "Huvudansvarig bokar uppföljning inom tre månader.",
                    ),
                ],
            ),
            ("contact", "BUP Kalmar län", "Helena Ståhl", "Konsultation inför SIP-möte"),
        ],
    },
    {
        "bank": "kalmar",
        "slug": "mottagande-ensamkommande",
        "title": "Mottagande av ensamkommande barn i Kalmar",
        "owner": "karin",
        "days": 70,
        "topics": ["Etablering"],
        "municipality": "kalmar",
        "local_of": "mottagande-ensamkommande",
        "summary": "Mottagningsteamet på socialkontoret tar emot anvisningen vardagar; "
        "kvällar och helger placerar socialjouren i kommunens jourhem.",
        "role": "Mottagningsteamets samordnare",
        "steps": [
            (
                "steps",
                "Så gör vi i Kalmar",
                [
                    (
                        "Vardagar 8–17",
                        "Mottagningsteamet, 0480-36 05 10, tar emot anvisningen och utser "
                        "handläggare samma dag.",
                    ),
                    (
                        "Kvällar och helger",
                        "Socialjouren placerar i kommunens jourhem och lämnar över till "
                        "mottagningsteamet nästa vardag.",
                    ),
                    (
                        "Första veckan",
                        "Handläggaren ansöker om god man hos överförmyndaren i Kalmar och "
                        "bokar hälsoundersökning.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "kalmar",
        "slug": "mottagande-hvb",
        "title": "Mottagande av ungdom på HVB",
        "owner": "karin",
        "days": 30,
        "topics": ["Boende"],
        "municipality": "kalmar",
        "attachments": ["mottagande"],
        "summary": "Första dygnet på boendet: vem som tar emot, vad ungdomen får och vad "
        "som skrivs in i journalen samma dag.",
        "purpose": "Att ungdomen känner sig välkommen och trygg och att inget viktigt "
        "glöms bort första dygnet.",
        "applies_to": "Personalen på kommunens HVB.",
        "role": "Kontaktperson HVB",
        "steps": [
            (
                "steps",
                "Första dygnet",
                [
                    (
                        "Ta emot",
                        "Kontaktpersonen tar emot ungdomen tillsammans med handläggaren och "
                        "visar rummet och gemensamma utrymmen.",
                    ),
                    (
                        "Ankomstsamtal",
                        "Gå igenom husets regler, tider och vem som arbetar i natt. Boka "
                        "tolk om ungdomen inte förstår svenska.",
                    ),
                    (
                        "Dokumentera",
                        "Skriv in allergier, mediciner och kontaktuppgifter i journalen samma dag.",
                    ),
                ],
            ),
            (
                "checklist",
                "Innan natten",
                ["Rundvisning", "Nycklar", "Larmnummer", "Allergier i journalen"],
            ),
        ],
    },
    {
        "bank": "kalmar",
        "slug": "halsoundersokning",
        "title": "Hälsoundersökning inom två veckor",
        "owner": "karin",
        "days": 390,
        "topics": ["Hälsa"],
        "municipality": "kalmar",
        "summary": "Boendet bokar den första hälsoundersökningen på vårdcentralen inom "
        "två veckor och följer upp remisser och vaccinationer.",
        "purpose": "Att smittsamma sjukdomar, skador och behov av vård upptäcks tidigt.",
        "applies_to": "Kontaktpersoner och sjuksköterska på boendet.",
        "role": "Sjuksköterska",
        "steps": [
            (
                "steps",
                "Hälsoundersökningen",
                [
                    (
                        "Boka",
                        "Sjuksköterskan bokar tid på vårdcentralen inom två veckor från "
                        "ankomsten och beställer tolk till besöket.",
                    ),
                    (
                        "Följ med",
                        "Kontaktpersonen följer med och tar med vaccinationskort och "
                        "läkemedel om ungdomen har sådana.",
                    ),
                    (
                        "Följ upp",
                        "Remisser och nya tider förs in i journalen och kalendern; god man "
                        "får veta resultatet.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "kalmar",
        "slug": "remiss-bup",
        "title": "Remiss till BUP",
        "owner": "karin",
        "days": 350,
        "topics": ["Hälsa"],
        "municipality": "kalmar",
        "partners": ["BUP Kalmar län"],
        "summary": "När oron för en ungdoms psykiska hälsa kräver barn- och "
        "ungdomspsykiatrin: konsultation först, sedan remiss via vårdcentralen.",
        "purpose": "Att ungdomar med psykisk ohälsa får rätt vård utan onödig väntan.",
        "applies_to": "Enhetschefer och kontaktpersoner på HVB.",
        "role": "Enhetschef HVB",
        "steps": [
            (
                "steps",
                "Till BUP",
                [
                    (
                        "Konsultera",
                        "Ring BUP:s kurator för en konsultation utan namn innan remissen.",
                    ),
                    (
                        "Remiss",
                        "Vårdcentralen eller elevhälsan skriver remissen; boendet bifogar "
                        "en kort beskrivning av vad personalen ser.",
                    ),
                    (
                        "Vid akut läge",
                        "Ring 112 eller åk till akutmottagningen; BUP:s jour nås via "
                        "sjukhusets växel.",
                    ),
                ],
            ),
            ("contact", "BUP Kalmar län", "Helena Ståhl", "Frågor om remiss"),
        ],
    },
    {
        "bank": "kalmar",
        "slug": "orosanmalan",
        "title": "Orosanmälan från boendet",
        "owner": "karin",
        "days": 100,
        "topics": ["Våld i nära relationer"],
        "municipality": "kalmar",
        "attachments": ["orosanmalan"],
        "summary": "Vad personalen på boendet gör vid oro för att en ungdom far illa: "
        "anmälan samma dag till mottagningsgruppen, socialjouren efter kontorstid.",
        "purpose": "Att all oro når socialtjänsten samma dag.",
        "applies_to": "All personal på boenden och stödboenden.",
        "role": "All personal",
        "steps": [
            ("callout", "warning", "Vid akut fara", "Ring 112 först, anmäl sedan."),
            (
                "steps",
                "Anmälan",
                [
                    (
                        "Beskriv det du sett",
                        "Använd mallen för orosanmälan: vad du har sett eller hört, när och "
                        "vem som var med.",
                    ),
                    (
                        "Anmäl samma dag",
                        "Vardagar till socialtjänstens mottagningsgrupp, 0480-36 05 00; "
                        "efter kontorstid till socialjouren.",
                    ),
                    (
                        "Berätta för din chef",
                        "Enhetschefen får veta att en anmälan är gjord, men du behöver inte "
                        "chefens tillåtelse för att anmäla.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "kalmar",
        "slug": "utslussning",
        "title": "Utslussning till eget boende",
        "owner": "ada",
        "days": 500,
        "topics": ["Boende"],
        "municipality": "kalmar",
        "local_of": "boendeplanering",
        "summary": "Utslussning från stödboende till egen lägenhet i Kalmar: "
        "träningslägenhet, kontrakt i eget namn och uppföljning första månaderna.",
        "role": "Boendestödjare",
        "steps": [
            (
                "steps",
                "Så gör vi i Kalmar",
                [
                    (
                        "Träningslägenhet",
                        "Ungdomen bor först i en av stödboendets träningslägenheter och "
                        "övar på att betala hyra och el.",
                    ),
                    (
                        "Eget kontrakt",
                        "Boendestödjaren hjälper till med bostadskön och med frågor från "
                        "hyresvärden inför ett kontrakt i ungdomens eget namn.",
                    ),
                    (
                        "Flytten",
                        "Teckna hemförsäkring och el före inflyttningen.",
                    ),
                    (
                        "De första månaderna",
                        "Boendestödjaren gör hembesök varannan vecka i tre månader.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "kalmar",
        "slug": "tolk",
        "title": "Bokning av tolk i Kalmar",
        "owner": "karin",
        "days": 80,
        "topics": ["Språk"],
        "municipality": "kalmar",
        "summary": "Tolk till möten i Kalmar bokas i kommunens tolkportal senast två "
        "vardagar före; telefontolk går att få samma dag.",
        "purpose": "Att ungdomen förstår och blir förstådd i alla viktiga samtal.",
        "applies_to": "Personal på boenden och handläggare i Kalmar.",
        "role": "Handläggare",
        "steps": [
            (
                "steps",
                "Så bokar du",
                [
                    (
                        "Boka i tid",
                        "Logga in i tolkportalen och boka platstolk senast två vardagar före "
                        "mötet. Ange språk och dialekt.",
                    ),
                    (
                        "Telefontolk samma dag",
                        "Ring tolkförmedlingen, 0480-36 03 30, vardagar 8–16.",
                    ),
                    (
                        "Avboka",
                        "Avboka senast dagen före; annars debiteras enheten.",
                    ),
                ],
            ),
        ],
    },
    # --- Södertälje ---------------------------------------------------------------------
    {
        "bank": "sodertalje",
        "slug": "skolstart",
        "title": "Skolstart i Södertälje",
        "owner": "sara",
        "days": 420,
        "topics": ["Skola"],
        "municipality": "sodertalje",
        "local_of": "skolstart-nyanlanda",
        "summary": "I Södertälje går skolstarten via introduktionsenheten, och god man "
        "får schema och kontaktuppgifter till skolan.",
        "role": "Samordnare socialtjänst",
        "steps": [
            (
                "steps",
                "Så gör vi i Södertälje",
                [
                    (
                        "Anmäl behov av skolplats",
                        "Till introduktionsenheten, 08-465 004 60, med blanketten "
                        "<b>Inskrivning nyanländ</b>.",
                    ),
                    (
                        "Kartläggning",
                        "Språkintroduktionen kartlägger tidigare skolgång inom två veckor.",
                    ),
                    (
                        "Informera god man",
                        "Skicka schema och kontaktuppgifter till mentorn.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "sodertalje",
        "slug": "skolfranvaro",
        "title": "Skolfrånvaro i Södertälje",
        "owner": "sara",
        "days": 20,
        "topics": ["Skola"],
        "municipality": "sodertalje",
        "local_of": "skolfranvaro",
        "summary": "Södertäljes rutin för skola och socialtjänst vid upprepad skolfrånvaro: "
        "skolan anmäler efter fem dagar på en termin, socialtjänsten kallar till möte.",
        "role": "Samordnare socialtjänst",
        "steps": [
            (
                "steps",
                "Så gör vi i Södertälje",
                [
                    (
                        "Mentorn",
                        "Kontaktar boendet samma dag vid ogiltig frånvaro.",
                    ),
                    (
                        "Efter fem dagar på en termin",
                        "Rektor skickar blanketten <b>Anmälan om upprepad frånvaro</b> till "
                        "socialtjänstens mottagning.",
                    ),
                    (
                        "Inom två veckor",
                        "Handläggaren kallar skola, boende, god man och ungdom till möte och "
                        "skriver en gemensam åtgärdsplan.",
                    ),
                ],
            ),
            ("contact", "Södertälje språkintroduktion", "Erik Palm", "Kontakt med boendet"),
        ],
    },
    {
        "bank": "sodertalje",
        "slug": "tolk",
        "title": "Bokning av tolk",
        "owner": "sara",
        "days": 60,
        "topics": ["Språk"],
        "municipality": "sodertalje",
        "summary": "Hur vi i Södertälje bokar tolk till samtal och möten, på plats eller "
        "per telefon, och vad vi gör om tolken inte kommer.",
        "purpose": "Att ungdomen förstår och blir förstådd i alla viktiga samtal.",
        "applies_to": "Handläggare och boendepersonal i Södertälje.",
        "role": "Handläggare",
        "steps": [
            (
                "steps",
                "Så bokar du",
                [
                    (
                        "Välj tolk",
                        "Boka auktoriserad tolk i första hand. Fråga ungdomen om språk, "
                        "dialekt och om tolkens kön spelar roll.",
                    ),
                    (
                        "Boka",
                        "Ring kommunens tolkbeställning, 08-465 004 70, eller boka i "
                        "beställningsformuläret senast tre vardagar före.",
                    ),
                    (
                        "Om tolken inte kommer",
                        "Vänta tio minuter, ring tolkbeställningen och be om telefontolk.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "sodertalje",
        "slug": "fickpengar",
        "title": "Fickpengar och ekonomi",
        "owner": "sara",
        "days": 340,
        "topics": ["Boende"],
        "municipality": "sodertalje",
        "summary": "Utbetalning och redovisning av fickpengar på stödboendet, och hur "
        "ungdomen lär sig göra en egen budget.",
        "purpose": "Att ungdomarna får sina pengar i tid och lär sig hantera dem.",
        "applies_to": "Personal på stödboenden i Södertälje.",
        "role": "Enhetschef stödboende",
        "steps": [
            (
                "steps",
                "Fickpengar",
                [
                    (
                        "Utbetalning",
                        "Fickpengar betalas till ungdomens bankkonto den 25:e varje månad.",
                    ),
                    (
                        "Budget",
                        "Kontaktpersonen gör en månadsbudget med ungdomen i början av varje "
                        "termin.",
                    ),
                    (
                        "Redovisning",
                        "Kvitton för kläder och utrustning lämnas till enhetschefen senast "
                        "den 5:e månaden efter.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "sodertalje",
        "slug": "hedersrelaterat-vald",
        "title": "Hedersrelaterat våld – första åtgärder",
        "owner": None,
        "days": 200,
        "topics": ["Våld i nära relationer"],
        "municipality": "sodertalje",
        "summary": "Vad vi gör när en ungdom berättar om hot, kontroll eller planer på "
        "giftermål: skydd först, sedan samordning.",
        "purpose": "Att ungdomen skyddas och att ingen i ungdomens närhet varnas.",
        "applies_to": "All personal som möter ungdomar.",
        "role": "Socialsekreterare",
        "steps": [
            ("callout", "warning", "Vid akut fara", "Ring 112. Kontakta inte familjen."),
            (
                "steps",
                "Första åtgärder",
                [
                    (
                        "Lyssna och dokumentera",
                        "Skriv ned ungdomens egna ord. Lova inte att hålla det hemligt.",
                    ),
                    (
                        "Anmäl samma dag",
                        "Orosanmäl till socialtjänsten och berätta att det gäller "
                        "hedersrelaterat våld.",
                    ),
                    (
                        "Skyddsbedömning",
                        "Socialsekreteraren gör en riskbedömning och beslutar om skyddat "
                        "boende behövs.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "sodertalje",
        "slug": "mottagande-ensamkommande",
        "title": "Mottagande av ensamkommande barn i Södertälje",
        "owner": "sara",
        "days": 90,
        "topics": ["Etablering"],
        "municipality": "sodertalje",
        "local_of": "mottagande-ensamkommande",
        "summary": "Enheten för ensamkommande i Södertälje tar emot anvisningen och "
        "placerar i första hand i kommunens eget HVB.",
        "role": "Gruppledare",
        "steps": [
            (
                "steps",
                "Så gör vi i Södertälje",
                [
                    (
                        "Anvisning",
                        "Gruppledaren fördelar ärendet samma dag och meddelar boendet.",
                    ),
                    (
                        "Överlämning",
                        "Handläggaren lämnar över till boendet vid ett möte med barnet "
                        "och, om möjligt, god man.",
                    ),
                    (
                        "Inom en månad",
                        "Vårdplan och genomförandeplan är klara och skickade till god man.",
                    ),
                ],
            ),
            (
                "contact",
                "Socialtjänsten Södertälje, ensamkommande",
                "Mikael Ros",
                "Tider för överlämning",
            ),
        ],
    },
    {
        "bank": "sodertalje",
        "slug": "boendeplanering",
        "title": "Boendeplanering i Södertälje",
        "owner": "sara",
        "days": 110,
        "topics": ["Boende"],
        "municipality": "sodertalje",
        "local_of": "boendeplanering",
        "summary": "I Södertälje kan unga vuxna som studerar bo kvar i stödboende till 21 år; "
        "boendeplanen görs på blanketten Boendeplan 18+.",
        "role": "Handläggare",
        "steps": [
            (
                "steps",
                "Så gör vi i Södertälje",
                [
                    (
                        "Fortsatt stödboende",
                        "Den som studerar på gymnasiet kan få fortsatt placering till 21 år "
                        "efter beslut i individutskottet.",
                    ),
                    (
                        "Boendeplan 18+",
                        "Handläggaren fyller i blanketten tillsammans med ungdomen och "
                        "kontaktpersonen.",
                    ),
                    (
                        "Bostadskö",
                        "Boendestödjaren hjälper ungdomen att ställa sig i kommunens "
                        "bostadskö det år hen fyller 18.",
                    ),
                ],
            ),
        ],
    },
    # --- Norrtälje ----------------------------------------------------------------------
    {
        "bank": "norrtalje",
        "slug": "feriejobb",
        "title": "Feriejobb för ungdomar",
        "owner": "nils",
        "days": 20,
        "topics": ["Sysselsättning"],
        "municipality": "norrtalje",
        "summary": "Ansökan och stöd kring sommarjobb i Norrtälje: sista ansökningsdag, "
        "handledare och lön.",
        "purpose": "Att unga nya i Sverige får en första arbetslivserfarenhet.",
        "applies_to": "Arbetsmarknadshandläggare och boendepersonal i Norrtälje.",
        "role": "Arbetsmarknadshandläggare",
        "steps": [
            (
                "steps",
                "Feriejobbet",
                [
                    (
                        "Ansökan i mars",
                        "Ungdomen söker i kommunens feriejobbsportal senast den 15 april; "
                        "kontaktpersonen hjälper till.",
                    ),
                    (
                        "Besked i maj",
                        "Arbetsmarknadsenheten meddelar arbetsplats och handledare.",
                    ),
                    (
                        "Under sommaren",
                        "Handledaren ringer boendet om ungdomen inte kommer. Lönen betalas "
                        "ut den 25:e månaden efter.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "norrtalje",
        "slug": "skolfranvaro",
        "title": "Skolfrånvaro i Norrtälje",
        "owner": "nils",
        "days": 150,
        "topics": ["Skola"],
        "municipality": "norrtalje",
        "local_of": "skolfranvaro",
        "summary": "I Norrtälje träffas elevhälsan och socialtjänsten varannan vecka och "
        "tar upp placerade elever med skolfrånvaro, med ungdomens samtycke.",
        "role": "Socialsekreterare",
        "steps": [
            (
                "steps",
                "Så gör vi i Norrtälje",
                [
                    (
                        "Närvarokoll varje fredag",
                        "Boendet går igenom veckans närvaro i skolans system med ungdomen.",
                    ),
                    (
                        "Samrådsmötet",
                        "Elever med upprepad frånvaro tas upp på elevhälsans samråd med "
                        "socialtjänsten, udda veckor.",
                    ),
                    (
                        "Kontakt",
                        "Elevhälsan nås på 0176-71 02 20 vardagar 8–15.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "norrtalje",
        "slug": "orosanmalan",
        "title": "Orosanmälan i Norrtälje",
        "owner": "nils",
        "days": 65,
        "topics": ["Våld i nära relationer"],
        "municipality": "norrtalje",
        "summary": "Så gör skola, boende och fritid i Norrtälje en orosanmälan: på "
        "e-tjänsten eller per telefon, och vad den som anmäler får veta efteråt.",
        "purpose": "Att alla som arbetar med barn vet hur de anmäler och vad som händer sen.",
        "applies_to": "Alla som arbetar med barn och unga i Norrtälje.",
        "role": "Socialsekreterare i mottagningen",
        "steps": [
            (
                "steps",
                "Anmälan",
                [
                    (
                        "Skriftligt",
                        "Använd e-tjänsten Orosanmälan på kommunens webbplats. Den som "
                        "arbetar med barn kan inte vara anonym.",
                    ),
                    (
                        "Per telefon",
                        "Barn- och ungdomsmottagningen, 0176-71 01 00, vardagar 8–16.30. "
                        "Efter kontorstid: socialjouren.",
                    ),
                    (
                        "Efteråt",
                        "Den som anmäler får en bekräftelse på att anmälan tagits emot, men "
                        "inte veta vad utredningen visar.",
                    ),
                ],
            ),
        ],
    },
    {
        "bank": "norrtalje",
        "slug": "tolk",
        "title": "Bokning av tolk i Norrtälje",
        "owner": "nils",
        "days": 35,
        "topics": ["Språk"],
        "municipality": "norrtalje",
        "summary": "I Norrtälje bokas tolk genom kommunens avtalade tolkförmedling, med "
        "distanstolk på video när ingen platstolk finns i Roslagen.",
        "purpose": "Att ungdomen förstår och blir förstådd i alla viktiga samtal.",
        "applies_to": "Handläggare och boendepersonal i Norrtälje.",
        "role": "Handläggare",
        "steps": [
            (
                "steps",
                "Så bokar du",
                [
                    (
                        "Boka",
                        "Beställ i tolkförmedlingens webbtjänst med enhetens kostnadsställe.",
                    ),
                    (
                        "Distanstolk",
                        "Finns ingen tolk på plats i Roslagen: välj videotolk och boka ett "
                        "rum med skärm.",
                    ),
                    (
                        "Frågor",
                        "Kommunens tolksamordnare, 0176-71 03 40.",
                    ),
                ],
            ),
        ],
    },
    # --- Österåker ----------------------------------------------------------------------
    {
        "bank": "osteraker",
        "slug": "folkbokforing",
        "title": "Folkbokföring och id-handlingar",
        "owner": "ada",
        "days": 380,
        "topics": ["Etablering"],
        "municipality": "osteraker",
        "summary": "Stöd vid folkbokföring hos Skatteverket och ansökan om id-kort när "
        "ungdomen har fått uppehållstillstånd.",
        "purpose": "Att ungdomen får personnummer och id-kort så snart som möjligt.",
        "applies_to": "Handläggare och kontaktpersoner i Österåker.",
        "role": "Handläggare",
        "steps": [
            (
                "steps",
                "Folkbokföring",
                [
                    (
                        "Anmäl flytt",
                        "Ungdomen gör flyttanmälan till Skatteverket med beslutet om "
                        "uppehållstillstånd; kontaktpersonen följer med.",
                    ),
                    (
                        "Id-kort",
                        "Boka tid på Skatteverkets servicekontor. God man intygar "
                        "identiteten om ungdomen saknar pass.",
                    ),
                    (
                        "Meddela",
                        "Skicka det nya personnumret till skolan, vårdcentralen och god man.",
                    ),
                ],
            ),
        ],
    },
    # --- Samverkan Roslagen ---------------------------------------------------------------
    {
        "bank": "roslagen",
        "slug": "praktik-lernia",
        "title": "Praktikplats via Lernia",
        "owner": "nils",
        "days": 90,
        "topics": ["Sysselsättning"],
        "municipality": "norrtalje",
        "partners": ["Lernia"],
        "summary": "Från intresseanmälan till startad praktik: handläggaren anmäler, "
        "Lernia matchar och båda följer upp efter fyra veckor.",
        "purpose": "Att unga vuxna i Roslagen kommer ut på praktik inom en månad.",
        "applies_to": "Arbetsmarknadshandläggare i Norrtälje och Österåker.",
        "role": "Arbetsmarknadshandläggare",
        "steps": [
            (
                "steps",
                "Praktiken",
                [
                    (
                        "Intresseanmälan",
                        "Handläggaren skickar Lernias anmälningsblankett med ungdomens samtycke.",
                    ),
                    (
                        "Matchning",
                        "Lernias coach träffar ungdomen och föreslår en arbetsplats.",
                    ),
                    (
                        "Uppföljning",
                        "Handläggaren och Lernia följer upp efter fyra veckor.",
                    ),
                ],
            ),
            ("contact", "Lernia", "Johan Ek", "Praktikfrågor"),
            (
                "table",
                "Vem gör vad inför praktik",
                ["Moment", "Ansvarig", "När"],
                [
                    ["Intresseanmälan", "Handläggare", "Vecka 1"],
                    ["Matchning", "Lernia", "Vecka 2–3"],
                    ["Uppföljning", "Handläggare och Lernia", "Efter fyra veckor"],
                ],
            ),
        ],
    },
    {
        "bank": "roslagen",
        "slug": "studiebesok",
        "title": "Studiebesök på arbetsplatser",
        "owner": "nils",
        "days": 370,
        "topics": ["Sysselsättning", "Etablering"],
        "municipality": "osteraker",
        "summary": "Gemensamma studiebesök i Roslagen: en arbetsplats i månaden, "
        "anmälan via handläggaren och resa med kollektivtrafik.",
        "purpose": "Att unga får se arbetsplatser de inte känner till.",
        "applies_to": "Handläggare och boendepersonal i Roslagen.",
        "role": "Samordnare",
        "steps": [
            (
                "steps",
                "Studiebesöket",
                [
                    (
                        "Planering",
                        "Samordnaren bokar en arbetsplats i månaden och skickar inbjudan "
                        "tre veckor före.",
                    ),
                    (
                        "Anmälan",
                        "Handläggaren anmäler ungdomar senast en vecka före och meddelar "
                        "behov av tolk.",
                    ),
                    (
                        "Efteråt",
                        "Ungdomarna får berätta vad de såg; intresse för praktik förs "
                        "vidare till handläggaren.",
                    ),
                ],
            ),
        ],
    },
]
