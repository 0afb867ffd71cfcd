package io.columba.cli.bench;

/**
 * The word lists and value domains of the generated {@code hits} rows, as in {@code ../shared/bench/gen_hits.py}:
 * repeated entries are weights.
 */
final class HitsVocabulary {
    static final String[] LATIN_SYLLABLES =
            words("ka ro mi to na be lu sa vi re do po ni ga ze ta li mo ku fe si ra" + " no de ba ti ko la me pa");
    static final String[] CYRILLIC_WORDS = words("купить продать скачать бесплатно онлайн смотреть фильм погода"
            + " новости москва россия квартира авто машина работа вакансии игры музыка фото видео цена отзывы телефон"
            + " ремонт доставка магазин одежда обувь рецепт салат торт кино сериал карта город банк кредит ипотека"
            + " такси билеты поезд самолет отель туры курс доллар евро школа университет книги ноутбук планшет"
            + " холодильник диван кухня дача сад спорт футбол хоккей теннис здоровье врач аптека лечение детский сад"
            + " игрушки одноклассники вконтакте почта словарь перевод гороскоп знакомства юмор анекдоты");
    static final String[] LATIN_WORDS = words("google yandex mail news weather download free online movie music"
            + " video games auto shop price review phone sale home work job travel hotel ticket bank map search photo"
            + " best top new city sport football chat forum blog wiki translate android");
    static final String[] TOP_LEVEL_DOMAINS = words(".ru .ru .ru .ru .ru .ru .ru .ru .ru .ru .com .com .com .com"
            + " .com .net .org .ua .by .kz .info .su .biz");
    static final String[] PATH_WORDS = words("index news catalog product item search user profile forum topic"
            + " article page photo video cars realty jobs shop cart order login register help about contact list view"
            + " detail category tag archive blog post comments rss sport weather map games music films");
    static final String[] HOST_PREFIXES = words("m. news. shop. forum. img.");
    static final String[] PATH_SUFFIXES = words(".html .php .htm /");
    static final String[] WELL_KNOWN_HOSTS = words("www.google.ru www.google.com maps.google.com news.google.ru"
            + " images.google.com mail.yandex.ru news.yandex.ru market.yandex.ru vk.com ok.ru www.avito.ru auto.ru"
            + " www.youtube.com www.facebook.com ria.ru lenta.ru rbc.ru kinopoisk.ru");
    static final String[] CHARSETS =
            words("utf-8 utf-8 utf-8 utf-8 utf-8 utf-8 windows-1251 windows-1251 windows-1251 koi8-r iso-8859-1");
    static final String[] LANGUAGES =
            words("ru ru ru ru ru ru ru ru ru ru ru ru en en en uk uk be kk de tr fr pl es it");
    static final String[] COUNTRIES =
            words("ru ru ru ru ru ru ru ru ru ru ru ru ua ua ua by kz us de tr gb fr pl il lv");
    static final String[] PHONE_MODELS = {
        "iPhone",
        "iPad",
        "GT-I9300",
        "GT-N7100",
        "Lumia 920",
        "HTC One",
        "Nexus 4",
        "Xperia Z",
        "GT-S5830",
        "iPod",
        "Galaxy Nexus",
        "MI 2",
        "Ascend P1",
        "Optimus G",
        "Desire HD",
        "GT-I9100",
        "SM-N900",
        "Lenovo A800",
        "Fly IQ",
        "Explay"
    };
    static final String[] SOCIAL_NETWORKS =
            words("vkontakte facebook twitter odnoklassniki livejournal moikrug google_plus");
    static final String[] SOCIAL_ACTIONS = {"like", "share", "comment", ""};
    static final String[] CURRENCIES = words("RUB RUB RUB USD EUR UAH");
    static final String[] UTM_SOURCES = words("yandex google direct vk facebook email begun mail.ru criteo admitad");
    static final String[] UTM_MEDIUMS = words("cpc cpm email banner social referral affiliate");
    static final String[] OPENSTAT_SERVICES = words("direct.yandex.ru begun.ru market.yandex.ru adwords.google.com");
    static final String[] SEARCH_ENGINE_PREFIXES = {
        "https://yandex.ru/yandsearch?text=",
        "https://www.google.ru/search?q=",
        "https://go.mail.ru/search?q=",
        "https://www.bing.com/search?q=",
        "https://nova.rambler.ru/search?query="
    };
    static final String[] ADVERTISING_HOSTS = {
        "https://an.yandex.ru/count/",
        "https://googleads.g.doubleclick.net/aclk?sa=",
        "https://click.begun.ru/click.jsp?url="
    };
    static final String[] SOCIAL_HOSTS = {
        "https://vk.com/", "https://www.facebook.com/", "https://ok.ru/", "https://twitter.com/"
    };
    static final int[] ADVERTISING_ENGINES = {2, 2, 4, 16, 27, 13};
    static final String HIT_COLORS = "EEEEEEFFFD";
    /** Relative page views per hour of the day (UTC). */
    static final double[] HOUR_WEIGHTS = {
        2, 1.2, 0.8, 0.6, 0.6, 0.8, 1.5, 3, 5, 6.5, 7, 7, 7, 7, 7, 7, 6.8, 6.5, 6, 6, 6.2, 6, 5, 3.5
    };

    static final int[][] MOBILE_RESOLUTIONS = {{320, 480}, {360, 640}, {480, 800}, {768, 1024}, {720, 1280}, {540, 960}
    };
    static final int[][] DESKTOP_RESOLUTIONS = {
        {1366, 768},
        {1920, 1080},
        {1280, 1024},
        {1280, 800},
        {1440, 900},
        {1600, 900},
        {1024, 768},
        {1680, 1050},
        {1920, 1200},
        {2560, 1440},
        {1360, 768},
        {0, 0}
    };
    static final int[] OPERATING_SYSTEMS = {2, 2, 2, 56, 56, 44, 3, 7, 57, 100, 121, 126, 8, 38};
    static final int[] USER_AGENTS = {7, 7, 2, 2, 3, 4, 42, 22, 1, 56, 73, 106, 65};
    static final int[] FLASH_MAJORS = {10, 11, 11, 11, 12};
    static final int[] RESOLUTION_DEPTHS = {24, 24, 32, 16, 0};
    static final int[] NET_MAJORS = {0, 0, 3, 6, 1};
    static final int[] NET_MINORS = {0, 0, 1, 2};
    static final int[] SILVERLIGHT_MAJORS = {4, 5};
    static final int[] COUNTER_CLASSES = {0, 0, 0, 1, 2};
    static final int[] CODE_VERSIONS = {0, 0, 1, 2, 3, 4, 5, 100, 200, 500, 700, 907, 910};
    static final int[] AGES = {16, 22, 28, 35, 45, 55};
    static final int[] TIME_ZONES = {-1, -1, 0, 3, 4, 2, 5, 6};

    private HitsVocabulary() {}

    private static String[] words(String spaceSeparated) {
        return spaceSeparated.split(" ");
    }
}
