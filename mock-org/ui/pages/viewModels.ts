// What the mock org's HTTP server hands to the page renderers: everything a page shows, and nothing more.

export interface UserOption {
    id: string;
    name: string;
    profileName: string;
}

export interface PageChrome {
    title: string;
    runningUser: UserOption;
    loginAsOptions: UserOption[];
    currentPath: string;
    /** The session's anti-forgery token: state-changing requests must send it back. */
    csrfToken: string;
}

export interface RecordListView extends PageChrome {
    records: { id: string; name: string; objectLabel: string; email: string | null; ownerName: string; href: string }[];
}

export interface RecordPageView extends PageChrome {
    record: {
        id: string;
        objectApiName: string;
        objectLabel: string;
        name: string;
        details: { label: string; value: string | null }[];
        related: { title: string; items: { label: string; href: string | null }[] }[];
    };
}

export interface MessagePageView extends PageChrome {
    heading: string;
    message: string;
    status: number;
}
